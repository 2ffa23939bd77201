package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.Objects;
import org.heatgrid.control.api.Telemetry;

/**
 * One telemetry message as the inbox accepted it.
 *
 * @param seq the gateway's sequence number (per gateway process)
 * @param periodStart start of the period the values cover
 * @param periodEnd end of that period, after {@code periodStart}
 * @param telemetry the readings; an unreadable sensor is {@code NaN}
 */
public record TelemetryReading(long seq, Instant periodStart, Instant periodEnd, Telemetry telemetry) {

  public TelemetryReading {
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(telemetry, "telemetry");
  }

  public String buildingId() {
    return telemetry.buildingId();
  }
}
