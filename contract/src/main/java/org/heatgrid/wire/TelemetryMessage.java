package org.heatgrid.wire;

import java.time.Instant;
import java.util.Objects;
import org.heatgrid.control.api.Telemetry;

/**
 * The telemetry payload ({@code heatgrid.telemetry/1}): a {@link Telemetry} with its period and a
 * sequence number. An unreadable sensor is {@code NaN} here and {@code null} on the wire.
 *
 * @param seq per gateway run, increasing by one per period
 * @param periodStart start of the period the means cover
 * @param periodEnd end of the period; after {@code periodStart}
 * @param telemetry the readings; its building id is the payload's {@code building}
 */
public record TelemetryMessage(long seq, Instant periodStart, Instant periodEnd, Telemetry telemetry) {

  public static final String SCHEMA = "heatgrid.telemetry/1";

  public TelemetryMessage {
    Objects.requireNonNull(periodStart, "period_start");
    Objects.requireNonNull(periodEnd, "period_end");
    Objects.requireNonNull(telemetry, "telemetry");
    Topics.checkId("building", telemetry.buildingId());
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0: " + seq);
    }
    if (!periodEnd.isAfter(periodStart)) {
      throw new IllegalArgumentException("period_end must be after period_start: " + periodEnd
          + " <= " + periodStart);
    }
    if (telemetry.zones() == 0) {
      throw new IllegalArgumentException("zone_temps_c needs at least one sensor");
    }
  }

  public String building() {
    return telemetry.buildingId();
  }
}
