package org.heatgrid.forecast.nn;

import org.heatgrid.forecast.data.MeterData;

/**
 * Training-data cleaning: a run of at least a day of zero heat while it is cold outside (mean
 * below {@link #COLD_C}) is a meter outage, not a building that needs no heat; some archives
 * (the Cambridge estates data among them) store missing readings as 0. Such runs are masked as
 * missing before training, so the network neither learns to forecast them nor reads them as
 * recent load. Zero runs in warm weather (heating off) stay data. Forecasts are always scored
 * against the raw data.
 */
final class Outages {

  static final double COLD_C = 12;

  private Outages() {}

  /** A copy of {@code d} with outage runs before {@code end} set to NaN; counts them in {@code masked[0]}. */
  static MeterData mask(MeterData d, int end, long[] masked) {
    int minRun = d.stepsPerDay();
    double[][] heat = new double[d.buildings().size()][];
    for (int b = 0; b < heat.length; b++) {
      double[] h = d.heatKw()[b].clone();
      double[] t = d.outdoorC()[b];
      int k = 0;
      while (k < end) {
        if (h[k] != 0) {
          k++;
          continue;
        }
        int from = k;
        double ts = 0;
        int tn = 0;
        while (k < end && h[k] == 0) {
          if (Double.isFinite(t[k])) {
            ts += t[k];
            tn++;
          }
          k++;
        }
        if (k - from >= minRun && tn > 0 && ts / tn < COLD_C) {
          java.util.Arrays.fill(h, from, k, Double.NaN);
          masked[0] += k - from;
        }
      }
      heat[b] = h;
    }
    return new MeterData(d.start(), d.step(), d.buildings(), heat, d.outdoorC(), d.ghiWm2());
  }
}
