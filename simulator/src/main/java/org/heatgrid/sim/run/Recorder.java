package org.heatgrid.sim.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.sim.plant.StepResult;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.site.BuildingInfo;

/**
 * Copies each step's true state into arrays sized for the evaluated period, in the layout of
 * {@link RunResult} ({@code [building][step]}), so that the KPI functions apply to it. The
 * simulation loop fills it, and so does {@code ./heatgrid run}'s live plant (under its own lock).
 */
public final class Recorder {

  private final int n;
  private final double[] outdoor;
  private final double[] ghi;
  private final double[][] heat;
  private final double[][] space;
  private final double[][] hotWater;
  private final double[][] supply;
  private final double[][] ret;
  private final double[][] setpoint;
  private final double[][] limit;
  private final double[][][] zones;
  private final boolean[][] occupied;
  private final double[][] meteredHeat;
  private final double[][] sensorOutdoor;
  private int k;

  public Recorder(int buildings, int zonesPerBuilding, int steps) {
    n = steps;
    outdoor = new double[steps];
    ghi = new double[steps];
    heat = new double[buildings][steps];
    space = new double[buildings][steps];
    hotWater = new double[buildings][steps];
    supply = new double[buildings][steps];
    ret = new double[buildings][steps];
    setpoint = new double[buildings][steps];
    limit = new double[buildings][steps];
    zones = new double[buildings][zonesPerBuilding][steps];
    occupied = new boolean[buildings][steps];
    meteredHeat = new double[buildings][steps];
    sensorOutdoor = new double[buildings][steps];
  }

  public void record(StepResult r, Command[] commands, Telemetry[] measured) {
    outdoor[k] = r.outdoorC;
    ghi[k] = r.ghiWm2;
    for (int b = 0; b < heat.length; b++) {
      meteredHeat[b][k] = measured[b].heatKw();
      sensorOutdoor[b][k] = measured[b].outdoorC();
      heat[b][k] = r.heatKw[b];
      space[b][k] = r.spaceHeatKw[b];
      hotWater[b][k] = r.hotWaterKw[b];
      supply[b][k] = r.supplyC[b];
      ret[b][k] = r.returnC[b];
      setpoint[b][k] = commands[b].supplySetpointC();
      limit[b][k] = commands[b].heatLimitKw();
      occupied[b][k] = r.occupied[b];
      for (int z = 0; z < zones[b].length; z++) {
        zones[b][z][k] = r.zoneAirC[b][z];
      }
    }
    k++;
  }

  /** Steps recorded so far. */
  public int steps() {
    return k;
  }

  /** True when every step of the period is recorded. */
  public boolean full() {
    return k == n;
  }

  /** True mean heat rate of building {@code b} over step {@code i}, kW. */
  public double heatKw(int b, int i) {
    return heat[b][i];
  }

  /** True mean air temperature of zone {@code z} of building {@code b} over step {@code i}, C. */
  public double zoneAirC(int b, int z, int i) {
    return zones[b][z][i];
  }

  public boolean occupied(int b, int i) {
    return occupied[b][i];
  }

  public RunResult result(Scenario s, String controller, List<BuildingInfo> infos, LocalDateTime start,
      Duration step, double[][] meters, RunResult.Stats stats) {
    if (k != n) {
      throw new IllegalStateException("recorded " + k + " of " + n + " steps");
    }
    return new RunResult(s, controller, infos, start, step, n, outdoor, ghi, heat, space, hotWater,
        supply, ret, setpoint, limit, zones, occupied, meters, meteredHeat, sensorOutdoor, stats);
  }
}
