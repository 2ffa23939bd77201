package org.heatgrid.gateway;

/** The {@code mode} of a setpoint. */
public enum SetpointMode {
  /** The controller's plan. */
  AUTO("auto"),
  /** An operator's override, applied like {@link #AUTO}. */
  MANUAL("manual"),
  /** The controller asks the gateway to run its local heating curve. */
  HEATING_CURVE("heating_curve");

  private final String json;

  SetpointMode(String json) {
    this.json = json;
  }

  /** The value on the wire. */
  public String json() {
    return json;
  }

  /** The mode for a wire value. */
  public static SetpointMode fromJson(String value) {
    for (SetpointMode m : values()) {
      if (m.json.equals(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + value + "', expected auto, manual or heating_curve");
  }
}
