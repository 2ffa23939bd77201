package org.heatgrid.control.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a controller's plan for a building: what the controller expects to ask at {@code at}.
 * Informative for gateways and operators; only a {@link Command} is applied.
 *
 * @param at start of the step
 * @param supplySetpointC planned supply setpoint, C; finite
 * @param heatKw planned heat rate, kW: a finite number at least 0, or {@code NaN} when the
 *     controller does not say ({@code null} on the wire)
 */
public record PlanStep(Instant at, double supplySetpointC, double heatKw) {

  public PlanStep {
    Objects.requireNonNull(at, "at");
    if (!Double.isFinite(supplySetpointC)) {
      throw new IllegalArgumentException("plan step supply_setpoint_c must be finite: " + supplySetpointC);
    }
    if (!Double.isNaN(heatKw) && !(heatKw >= 0 && Double.isFinite(heatKw))) {
      throw new IllegalArgumentException("plan step heat_kw must be a finite number >= 0 or unknown: "
          + heatKw);
    }
  }

  /** True when the controller said what heat it plans. */
  public boolean hasHeat() {
    return !Double.isNaN(heatKw);
  }
}
