package org.heatgrid.wire;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topic tree of contract version 1: {@code heatgrid/v1/{site}/{building}/setpoint|telemetry|status}.
 *
 * @param site site id, e.g. {@code campus16}
 * @param building building id, e.g. {@code B01}; also the gateway's MQTT user name
 */
public record Topics(String site, String building) {

  /** Root of every topic of contract version 1. */
  public static final String ROOT = "heatgrid/v1";

  /** Site and building ids: letters, digits, '_' and '-', 1 to 64 characters (no MQTT wildcards). */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public Topics {
    checkId("site", site);
    checkId("building", building);
  }

  /** The building's setpoint topic (retained, QoS 1, written by the controller). */
  public String setpoint() {
    return ROOT + "/" + site + "/" + building + "/setpoint";
  }

  /** The building's telemetry topic (QoS 1, not retained, written by the gateway). */
  public String telemetry() {
    return ROOT + "/" + site + "/" + building + "/telemetry";
  }

  /** The building's status topic (retained, QoS 1, written by the gateway and by its last will). */
  public String status() {
    return ROOT + "/" + site + "/" + building + "/status";
  }

  /** Filter for every building's telemetry on a site (what the controller subscribes to). */
  public static String allTelemetry(String site) {
    checkId("site", site);
    return ROOT + "/" + site + "/+/telemetry";
  }

  /** Filter for every building's status on a site. */
  public static String allStatus(String site) {
    checkId("site", site);
    return ROOT + "/" + site + "/+/status";
  }

  static String checkId(String what, String id) {
    Objects.requireNonNull(id, what);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " id must match " + ID.pattern() + ": '" + id + "'");
    }
    return id;
  }
}
