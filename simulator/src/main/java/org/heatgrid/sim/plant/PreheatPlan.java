package org.heatgrid.sim.plant;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A cost-aware ideal's plan for the whole cluster ({@link Plant#planPreheat}): per building, zone
 * and hour, the heat and the air temperature it reaches. The ideal source follows it as a
 * thermostat follows a setpoint schedule, where the plan stores heat: in an hour in which the
 * plan heats a zone to above the comfort floor of the hour's end, the zone's floor rises along the
 * planned air (linearly within the hour). Elsewhere the comfort floor alone holds, which the
 * source meets just in time, in 5-minute steps, where the hourly plan would heat over the whole
 * hour. So whatever the plan did not know (the random part of the gains) the source makes up with
 * the least heat, and no heat is given twice.
 */
final class PreheatPlan {

  /** Below this a plan is taken not to heat a zone in an hour, W. */
  private static final double HEATING_W = 1;
  /** Planned air at most this far above the hour end's floor only meets the floor, K. */
  private static final double STORING_K = 0.05;

  private final LocalDateTime start;
  private final double[][][] heatW;
  private final double[][][] airC;
  private final double[][] floorC;

  /**
   * @param heatW [building][zone][hour], W
   * @param airC [building][zone][hour boundary], C: the plan's start, then each hour's end
   * @param floorC [building][hour boundary], C: the comfort floor the plan held there
   */
  PreheatPlan(LocalDateTime start, double[][][] heatW, double[][][] airC, double[][] floorC) {
    this.start = start;
    this.heatW = heatW;
    this.airC = airC;
    this.floorC = floorC;
  }

  /** Hours planned. */
  int hours() {
    return heatW[0][0].length;
  }

  /**
   * The floor the plan sets zone {@code zone} of building {@code building} at {@code end}, the end
   * of a substep, C; negative infinity where the plan does not store heat in it then (or has
   * ended).
   */
  double floorC(int building, int zone, LocalDateTime end) {
    long s = ChronoUnit.SECONDS.between(start, end);
    int hour = (int) ((s - 1) / 3600);
    if (s <= 0 || hour >= hours() || heatW[building][zone][hour] < HEATING_W) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] air = airC[building][zone];
    if (air[hour + 1] <= floorC[building][hour + 1] + STORING_K) {
      return Double.NEGATIVE_INFINITY;
    }
    double frac = (s - 3600.0 * hour) / 3600;
    return air[hour] + frac * (air[hour + 1] - air[hour]);
  }
}
