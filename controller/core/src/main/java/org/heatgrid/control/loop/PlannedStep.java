package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a controller's plan for a building.
 *
 * @param at start of the step
 * @param supplySetpointC planned supply setpoint, C
 * @param heatKw planned heat rate, kW; {@code NaN} when the controller does not say
 */
public record PlannedStep(Instant at, double supplySetpointC, double heatKw) {

  public PlannedStep {
    Objects.requireNonNull(at, "at");
  }
}
