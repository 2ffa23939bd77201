package org.heatgrid.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * The status payload ({@code heatgrid.status/1}).
 *
 * @param building building id
 * @param state online, fallback or offline
 * @param since when the gateway entered the state
 * @param reason why, for people; may be {@code null}; cut to 500 characters (the schema's limit)
 * @param lastSetpointSeq seq of the last setpoint accepted; {@code null} when none since start
 */
public record StatusMessage(String building, GatewayState state, Instant since, String reason,
    Long lastSetpointSeq) {

  public static final String SCHEMA = "heatgrid.status/1";

  public StatusMessage {
    Topics.checkId("building", building);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    if (reason != null && reason.length() > 500) {
      reason = reason.substring(0, 500);
    }
    if (lastSetpointSeq != null && lastSetpointSeq < 0) {
      throw new IllegalArgumentException("last_setpoint_seq must be >= 0: " + lastSetpointSeq);
    }
  }
}
