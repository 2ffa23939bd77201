package org.heatgrid.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * One planned step that travels with a setpoint; informative for the gateway.
 *
 * @param at start of the step
 * @param supplySetpointC planned supply setpoint, C
 * @param heatKw planned heat rate, kW; {@code null} when the controller does not say
 */
public record PlanStep(Instant at, double supplySetpointC, Double heatKw) {

  public PlanStep {
    Objects.requireNonNull(at, "at");
    if (!Double.isFinite(supplySetpointC)) {
      throw new IllegalArgumentException("plan step supply_setpoint_c must be finite: " + supplySetpointC);
    }
    if (heatKw != null && !(heatKw >= 0 && Double.isFinite(heatKw))) {
      throw new IllegalArgumentException("plan step heat_kw must be a finite number >= 0 or null: " + heatKw);
    }
  }
}
