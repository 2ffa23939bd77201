package org.heatgrid.wire;

/** A gateway's state as its status topic reports it. */
public enum GatewayState {
  /** Applying a valid setpoint from the controller. */
  ONLINE("online"),
  /** Holding no valid setpoint: running the local heating curve. */
  FALLBACK("fallback"),
  /** Connection lost; published by the broker as the gateway's last will. */
  OFFLINE("offline");

  private final String json;

  GatewayState(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static GatewayState fromJson(String value) {
    for (GatewayState s : values()) {
      if (s.json.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown state '" + value + "', expected online, fallback or offline");
  }
}
