package org.heatgrid.control.api;

/**
 * A controller's setpoint for one building for one control period.
 *
 * @param supplySetpointC secondary supply temperature setpoint, C; at or below the room
 *     temperature the circuit's pump stops
 * @param heatLimitKw upper limit on the substation's heat rate, kW; {@code +Infinity} for none
 */
public record Command(double supplySetpointC, double heatLimitKw) {

  public static final double NO_LIMIT = Double.POSITIVE_INFINITY;

  /** A supply setpoint without heat-rate limit. */
  public static Command supply(double supplySetpointC) {
    return new Command(supplySetpointC, NO_LIMIT);
  }

  /** True when both values can be applied: a finite setpoint and a limit that is a number >= 0. */
  public boolean isValid() {
    return Double.isFinite(supplySetpointC) && heatLimitKw >= 0;
  }
}
