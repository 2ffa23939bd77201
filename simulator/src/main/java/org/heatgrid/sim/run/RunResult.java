package org.heatgrid.sim.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.site.BuildingInfo;

/**
 * Everything recorded over the evaluated period of a run (warm-up excluded): per building and
 * step the true means from the plant, the commands applied, the 15-minute meter windows, and
 * what the gateways measured (heat meter, outdoor sensor) as history for forecasters.
 * Arrays are indexed {@code [building][step]} (zones {@code [building][zone][step]}).
 */
public record RunResult(
    Scenario scenario,
    String controller,
    List<BuildingInfo> buildings,
    LocalDateTime start,
    Duration step,
    int steps,
    double[] outdoorC,
    double[] ghiWm2,
    double[][] heatKw,
    double[][] spaceHeatKw,
    double[][] hotWaterKw,
    double[][] supplyC,
    double[][] returnC,
    double[][] setpointC,
    double[][] heatLimitKw,
    double[][][] zoneAirC,
    boolean[][] occupied,
    double[][] meterKwh15,
    double[][] meteredHeatKw,
    double[][] sensorOutdoorC,
    Stats stats) {

  /**
   * Run figures.
   *
   * @param controllerSeconds time spent in the controller over the evaluated period
   * @param wallSeconds wall time of the whole run including warm-up
   * @param simulatedSeconds simulated time including warm-up
   * @param fallbackCommands building-steps of the evaluated period on the local fallback curve (missing or
   *     invalid command, or the controller failed)
   * @param controllerFailures control steps of the evaluated period at which the controller threw
   */
  public record Stats(double controllerSeconds, double wallSeconds, double simulatedSeconds,
      long fallbackCommands, long controllerFailures) {

    /** Simulated time over wall time. */
    public double speedup() {
      return simulatedSeconds / wallSeconds;
    }
  }

  /** Local start time of step {@code k}. */
  public LocalDateTime timeOf(int k) {
    return start.plus(step.multipliedBy(k));
  }

  /** Mean indoor air temperature of a building at step {@code k} (mean of its zones). */
  public double meanIndoorC(int building, int k) {
    double[][] z = zoneAirC[building];
    double s = 0;
    for (double[] zone : z) {
      s += zone[k];
    }
    return s / z.length;
  }
}
