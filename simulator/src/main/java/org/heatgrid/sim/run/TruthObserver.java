package org.heatgrid.sim.run;

/**
 * Implemented only by the oracle: after each control step the simulation hands it the plant's true
 * state, which no real controller can have. Lives in the simulator, so no controller module can
 * implement it; the oracle's report says what it was given.
 */
public interface TruthObserver {

  /**
   * @param zoneAirC per building and zone, the true air temperature at the step's end
   * @param spaceHeatKw per building, the true heat into the heating circuit over the step
   * @param hotWaterKw per building, the true hot-water draw over the step
   */
  void truth(double[][] zoneAirC, double[] spaceHeatKw, double[] hotWaterKw);
}
