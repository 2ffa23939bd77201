package org.heatgrid.sim.kpi;

import java.time.LocalDateTime;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;

/**
 * The KPI formulas, one function each, on plain arrays so that a test (or a researcher with the
 * run's CSV) can recompute them by hand.
 */
public final class Kpis {

  /** Length of a metering window for peaks and billing, hours. */
  public static final double WINDOW_H = 0.25;

  private Kpis() {}

  /**
   * Thermal discomfort of one zone, K*h: {@code sum_k dt * (max(0, low_k - T_k) + max(0, T_k -
   * high_k))} over the steps {@code k} where {@code include[k]} (all when null).
   *
   * @param tempC zone air temperature, mean over each step
   * @param lowC lower comfort limit per step
   * @param highC upper comfort limit per step
   * @param stepH step length, hours
   */
  public static double discomfortKh(double[] tempC, double[] lowC, double[] highC, boolean[] include,
      double stepH) {
    double s = 0;
    for (int k = 0; k < tempC.length; k++) {
      if (include == null || include[k]) {
        s += Math.max(0, lowC[k] - tempC[k]) + Math.max(0, tempC[k] - highC[k]);
      }
    }
    return s * stepH;
  }

  /** The cluster's metering windows: every building's energy of each window summed, kWh. */
  public static double[] clusterWindowsKwh(double[][] buildingWindowsKwh) {
    double[] cluster = new double[buildingWindowsKwh[0].length];
    for (double[] m : buildingWindowsKwh) {
      for (int k = 0; k < cluster.length; k++) {
        cluster[k] += m[k];
      }
    }
    return cluster;
  }

  /** Energy, kWh: the sum of the metering windows' energies. */
  public static double energyKwh(double[] windowKwh) {
    double s = 0;
    for (double e : windowKwh) {
      s += e;
    }
    return s;
  }

  /** Peak, kW: the largest 15-minute mean heat rate, {@code max_k E_k / 0.25 h}. */
  public static double peakKw(double[] windowKwh) {
    double m = 0;
    for (double e : windowKwh) {
      m = Math.max(m, e);
    }
    return m / WINDOW_H;
  }

  /** Index of the window with the peak (first of equals); -1 when there are none. */
  public static int peakWindow(double[] windowKwh) {
    int best = -1;
    for (int k = 0; k < windowKwh.length; k++) {
      if (best < 0 || windowKwh[k] > windowKwh[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * Usage charge, KRW: {@code sum_k E_k / 1.163 * price(t_k)} with the window's start time
   * {@code t_k = start + k * 15 min} choosing the time-of-use price.
   */
  public static double usageCostKrw(double[] windowKwh, LocalDateTime start, Tariff tariff) {
    double s = 0;
    for (int k = 0; k < windowKwh.length; k++) {
      s += windowKwh[k] * tariff.usageKrwPerKwh(start.plusMinutes(15L * k));
    }
    return s;
  }

  /**
   * Share of the heat delivered while the tariff's peak band applies, {@code sum_{k in peak} E_k /
   * sum_k E_k}; 0 for a tariff without peak band or no heat. How much of its heat a controller
   * moves out of the expensive hours.
   */
  public static double peakBandShare(double[] windowKwh, LocalDateTime start, Tariff tariff) {
    if (!(tariff.usage() instanceof UsageRate.TimeOfUse tou)) {
      return 0;
    }
    double all = 0;
    double peak = 0;
    for (int k = 0; k < windowKwh.length; k++) {
      all += windowKwh[k];
      if (tou.isPeak(start.plusMinutes(15L * k))) {
        peak += windowKwh[k];
      }
    }
    return all == 0 ? 0 : peak / all;
  }

  /**
   * Computation KPI: controller time per control step over the step's length (BOPTEST's
   * time_rat), {@code controllerSeconds / (steps * stepSeconds)}.
   */
  public static double timeRatio(double controllerSeconds, long steps, double stepSeconds) {
    return steps == 0 ? 0 : controllerSeconds / (steps * stepSeconds);
  }

  /**
   * A KPI relative to a reference: {@code value / reference}, exactly 1 when both are equal
   * (including both 0), and NaN (undefined) when only the reference is 0.
   */
  public static double ratio(double value, double reference) {
    if (value == reference) {
      return 1;
    }
    return reference == 0 ? Double.NaN : value / reference;
  }
}
