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

  /** The last level of a building's topics. */
  public enum Leaf {
    SETPOINT, TELEMETRY, STATUS;

    String level() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** MQTT's single-level wildcard, accepted by {@link #filter} for a site or a building. */
  public static final String ANY = "+";

  /** The building's setpoint topic (retained, QoS 1, written by the controller). */
  public String setpoint() {
    return topic(site, building, Leaf.SETPOINT);
  }

  /** The building's telemetry topic (QoS 1, not retained, written by the gateway). */
  public String telemetry() {
    return topic(site, building, Leaf.TELEMETRY);
  }

  /** The building's status topic (retained, QoS 1, written by the gateway and by its last will). */
  public String status() {
    return topic(site, building, Leaf.STATUS);
  }

  /** Filter for every building's telemetry on a site (what the controller subscribes to). */
  public static String allTelemetry(String site) {
    return filter(site, ANY, Leaf.TELEMETRY);
  }

  /** Filter for every building's status on a site. */
  public static String allStatus(String site) {
    return filter(site, ANY, Leaf.STATUS);
  }

  /**
   * A topic filter of the tree, for subscriptions and broker ACLs: {@code site} and {@code
   * building} are ids or {@link #ANY}.
   */
  public static String filter(String site, String building, Leaf leaf) {
    return topic(ANY.equals(site) ? ANY : checkId("site", site),
        ANY.equals(building) ? ANY : checkId("building", building), leaf);
  }

  private static String topic(String site, String building, Leaf leaf) {
    return ROOT + "/" + site + "/" + building + "/" + leaf.level();
  }

  static String checkId(String what, String id) {
    Objects.requireNonNull(id, what);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " id must match " + ID.pattern() + ": '" + id + "'");
    }
    return id;
  }
}
