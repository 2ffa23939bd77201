package org.heatgrid.sim.compare;

import java.time.LocalDateTime;
import org.heatgrid.sim.kpi.Kpis;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.tariff.Tariff;

/**
 * A lower bound on the heat bill of any controller that holds the comfort floor an ideal run held,
 * computed from that run's meters: the cost-aware counterpart of the heat bound, for judging cost
 * targets.
 *
 * <ul>
 *   <li>Usage: no controller holds the floor with less heat than the ideal source (it heats each
 *       zone only when and as much as the floor needs), and none pays less than the season's
 *       lowest rate for any of it. So every kWh the ideal metered is priced at that rate, as if a
 *       controller could move all of it, hot water too, out of the peak band at no extra heat.
 *   <li>Basic charge: the contracted capacity is at least the cluster's highest mean heat rate
 *       over any {@link #CAPACITY_WINDOW_DAYS} days of the ideal run. Heat can be moved within a
 *       day or two by the buildings' structure (time constants of 17-69 h identified on
 *       campus16), not across a week.
 * </ul>
 *
 * @param usageKrw the usage charge's bound
 * @param basicKrw the basic charge's bound
 * @param capacityKw the capacity it prices
 * @param lowestRateKrwPerKwh the lowest usage rate of the period
 */
public record CostBound(double usageKrw, double basicKrw, double capacityKw,
    double lowestRateKrwPerKwh) {

  /** Days over which the capacity's lower bound averages the ideal's heat. */
  public static final int CAPACITY_WINDOW_DAYS = 7;

  public double costKrw() {
    return usageKrw + basicKrw;
  }

  /**
   * Whether a run of {@code controller} yields a bound: the least-heat ideal sources only. The
   * cost-aware ideals use more heat than the least, to move it out of the peak band, so their
   * heat at the lowest rate bounds nothing.
   */
  public static boolean isBoundOf(String controller) {
    return controller.equals("ideal") || controller.equals("ideal-margin");
  }

  /** The bound of the controllers that hold the floor {@code ideal} held. */
  public static CostBound of(RunResult ideal) {
    Tariff tariff = ideal.scenario().tariff();
    double[] cluster = Kpis.clusterWindowsKwh(ideal.meterKwh15());
    int windows = cluster.length;
    double lowest = Double.POSITIVE_INFINITY;
    LocalDateTime t = ideal.start();
    for (int k = 0; k < windows; k++, t = t.plusMinutes(15)) {
      lowest = Math.min(lowest, tariff.usageKrwPerKwh(t));
    }
    int span = Math.min(windows, CAPACITY_WINDOW_DAYS * 96);
    double sum = 0;
    double best = 0;
    for (int k = 0; k < windows; k++) {
      sum += cluster[k];
      if (k >= span) {
        sum -= cluster[k - span];
      }
      if (k >= span - 1) {
        best = Math.max(best, sum);
      }
    }
    double capacityKw = best / (span * Kpis.WINDOW_H);
    double basic = tariff.basicChargeKrw(capacityKw, ideal.scenario().from(),
        ideal.scenario().to().plusDays(1));
    return new CostBound(Kpis.energyKwh(cluster) * lowest, basic, capacityKw, lowest);
  }
}
