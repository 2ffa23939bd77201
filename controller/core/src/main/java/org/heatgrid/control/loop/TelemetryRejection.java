package org.heatgrid.control.loop;

import java.util.Locale;

/** Why a telemetry message was refused; each reason has its own counter. */
public enum TelemetryRejection {
  /** Not JSON, not a JSON object, or an empty payload. */
  MALFORMED_JSON,
  /** NaN or Infinity where a number belongs (JSON has no such numbers; some writers emit them). */
  NON_FINITE,
  /** Valid JSON that does not match the telemetry schema: wrong types, missing or unknown fields. */
  SCHEMA,
  /** A building the site does not have, or a payload whose building differs from its topic's. */
  UNKNOWN_BUILDING,
  /** A period not after the last accepted one of that building: a replay or a duplicate. */
  REPLAYED;

  /** Lower-case name for metrics and the API, e.g. {@code malformed_json}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
