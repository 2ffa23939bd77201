package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's setpoint for one building until {@code expiresAt}.
 *
 * @param buildingId building id
 * @param supplySetpointC secondary supply setpoint, C, finite
 * @param expiresAt from this instant on the override no longer applies
 * @param reason why, for people; not blank
 * @param by who set it
 * @param at when it was set
 */
public record OperatorOverride(String buildingId, double supplySetpointC, Instant expiresAt, String reason,
    String by, Instant at) {

  public OperatorOverride {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    if (!Double.isFinite(supplySetpointC)) {
      throw new IllegalArgumentException("supply setpoint must be finite: " + supplySetpointC);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an override needs a reason");
    }
    if (!expiresAt.isAfter(at)) {
      throw new IllegalArgumentException("expiry must be after the time it is set: " + expiresAt
          + " <= " + at);
    }
  }

  /** True while {@code now} is before the expiry. */
  public boolean activeAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
