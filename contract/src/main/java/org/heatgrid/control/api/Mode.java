package org.heatgrid.control.api;

import java.util.Locale;

/** How a building is steered, as the operator chose. */
public enum Mode {
  /** The controller's plan; an unexpired override still wins. */
  AUTO,
  /** The operator's override setpoint; without an active override, the baseline heating curve. */
  MANUAL,
  /** The gateway runs its local heating curve (setpoint mode {@code heating_curve}). */
  HEATING_CURVE;

  /** The wire and API spelling: {@code auto}, {@code manual}, {@code heating_curve}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode for an API or wire value.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static Mode fromJson(String value) {
    for (Mode m : values()) {
      if (m.json().equals(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + value
        + "', expected auto, manual or heating_curve");
  }
}
