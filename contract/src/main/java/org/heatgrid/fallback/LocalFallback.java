package org.heatgrid.fallback;

import org.heatgrid.control.api.Command;

/**
 * What an edge gateway does on its own when it holds no valid setpoint: the plain heating curve
 * aimed at the occupied target around the clock, from its own outdoor sensor. Safe (never cold
 * while occupied), not economical; the control loop uses it too when planning fails.
 */
public final class LocalFallback {

  /** Room target of the fallback curve, C. */
  public static final double ROOM_TARGET_C = 21;

  private LocalFallback() {}

  /** The fallback command for an outdoor temperature; an unreadable sensor counts as -11 C. */
  public static Command command(double outdoorC, double supplyMaxC) {
    double outdoor = Double.isFinite(outdoorC) ? outdoorC : HeatingCurve.RADIATORS_70_50.designOutdoorC();
    return Command.supply(Math.min(supplyMaxC,
        HeatingCurve.RADIATORS_70_50.supplyC(ROOM_TARGET_C, outdoor)));
  }
}
