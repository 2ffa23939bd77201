package org.heatgrid.sim.plant;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A cost-aware ideal's plan for the whole cluster ({@link Plant#planPreheat}): per building, zone
 * and hour, the heat and the air temperature it reaches. The ideal source follows it as a
 * thermostat follows a setpoint schedule: while the plan heats a zone, the zone's floor rises
 * along the planned air (linearly within the hour); while it does not, the comfort floor alone
 * holds. So whatever the plan did not know (the random part of the gains) the source makes up
 * with the least heat, and no heat is given twice.
 */
final class PreheatPlan {

  /** Below this a plan is taken not to heat a zone in an hour, W. */
  private static final double HEATING_W = 1;

  private final LocalDateTime start;
  private final double[][][] heatW;
  private final double[][][] airC;

  /**
   * @param heatW [building][zone][hour], W
   * @param airC [building][zone][hour boundary], C: the plan's start, then each hour's end
   */
  PreheatPlan(LocalDateTime start, double[][][] heatW, double[][][] airC) {
    this.start = start;
    this.heatW = heatW;
    this.airC = airC;
  }

  /** Hours planned. */
  int hours() {
    return heatW[0][0].length;
  }

  /**
   * The floor the plan sets zone {@code zone} of building {@code building} at {@code end}, the end
   * of a substep, C; negative infinity where the plan does not heat it (or has ended).
   */
  double floorC(int building, int zone, LocalDateTime end) {
    long s = ChronoUnit.SECONDS.between(start, end);
    int hour = (int) ((s - 1) / 3600);
    if (s <= 0 || hour >= hours() || heatW[building][zone][hour] < HEATING_W) {
      return Double.NEGATIVE_INFINITY;
    }
    double frac = (s - 3600.0 * hour) / 3600;
    double[] air = airC[building][zone];
    return air[hour] + frac * (air[hour + 1] - air[hour]);
  }
}
