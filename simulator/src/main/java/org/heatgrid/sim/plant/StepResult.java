package org.heatgrid.sim.plant;

/**
 * The plant's true state over one control step, per building (means over the step): what KPIs
 * are computed from. Controllers never see it; they get {@link org.heatgrid.control.api.Telemetry}.
 * Reused from step to step by the caller: copy what must be kept.
 */
public final class StepResult {

  public final double[] heatKw;
  public final double[] spaceHeatKw;
  public final double[] hotWaterKw;
  public final double[] supplyC;
  public final double[] returnC;
  public final double[][] zoneAirC;
  public final boolean[] occupied;
  public double outdoorC;
  public double ghiWm2;

  public StepResult(int buildings, int zonesPerBuilding) {
    heatKw = new double[buildings];
    spaceHeatKw = new double[buildings];
    hotWaterKw = new double[buildings];
    supplyC = new double[buildings];
    returnC = new double[buildings];
    zoneAirC = new double[buildings][zonesPerBuilding];
    occupied = new boolean[buildings];
  }

  void clear() {
    java.util.Arrays.fill(heatKw, 0);
    java.util.Arrays.fill(spaceHeatKw, 0);
    java.util.Arrays.fill(hotWaterKw, 0);
    java.util.Arrays.fill(supplyC, 0);
    java.util.Arrays.fill(returnC, 0);
    for (double[] z : zoneAirC) {
      java.util.Arrays.fill(z, 0);
    }
    java.util.Arrays.fill(occupied, false);
    outdoorC = 0;
    ghiWm2 = 0;
  }
}
