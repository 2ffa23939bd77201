package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.Objects;

/**
 * One change an operator made: who, when, what, why.
 *
 * @param at when (the loop's clock)
 * @param who the authenticated user
 * @param buildingId the building changed
 * @param what the kind of change, e.g. {@code override.set}, {@code mode}, {@code comfort}
 * @param before the value before, as text; {@code null} when there was none
 * @param after the value after, as text; {@code null} when removed
 * @param why the reason the operator gave
 */
public record AuditEntry(Instant at, String who, String buildingId, String what, String before,
    String after, String why) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(what, "what");
  }
}
