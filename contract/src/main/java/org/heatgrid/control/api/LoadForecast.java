package org.heatgrid.control.api;

import org.heatgrid.site.Site;

/**
 * Forecast of the heat a building draws that the controller does not steer (hot water): it
 * shares the substation's capacity and counts in the cluster's peak.
 */
public interface LoadForecast {

  /** Called once with the site before the first forecast. */
  default void start(Site site) {}

  /** Sees every observation, so that a forecaster can keep its own history of telemetry. */
  default void observe(Observation o) {}

  /**
   * Uncontrolled load of building {@code b} (site order) for {@code steps} steps from the
   * observation's time, kW, each finite and at least 0.
   */
  double[] loadKw(int b, Observation o, int steps);

  /** No uncontrolled load. */
  LoadForecast NONE = (b, o, steps) -> new double[steps];
}
