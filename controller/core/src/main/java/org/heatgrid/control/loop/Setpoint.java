package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.PlanStep;

/**
 * One setpoint as the loop publishes it: what {@link SetpointOutbox} turns into a message.
 *
 * @param buildingId building id
 * @param seq per building, strictly increasing
 * @param issuedAt when the loop decided
 * @param validUntil the gateway must not apply it from this instant on
 * @param command supply setpoint and heat-rate limit ({@link Command#NO_LIMIT} for none)
 * @param mode auto, manual or heating_curve (then the supply setpoint is informative)
 * @param reason why, for people
 * @param plan the planned next steps, possibly empty
 */
public record Setpoint(String buildingId, long seq, Instant issuedAt, Instant validUntil,
    Command command, Mode mode, String reason, List<PlanStep> plan) {

  public Setpoint {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
    plan = List.copyOf(plan);
  }
}
