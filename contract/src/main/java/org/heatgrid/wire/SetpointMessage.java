package org.heatgrid.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.PlanStep;

/**
 * The setpoint payload ({@code heatgrid.setpoint/1}).
 *
 * @param site site id
 * @param building building id
 * @param seq per building, strictly increasing
 * @param issuedAt when the controller decided
 * @param validUntil after this instant the setpoint must not be applied; later than {@code issuedAt}
 * @param supplySetpointC secondary supply temperature setpoint, C
 * @param heatLimitKw heat-rate limit, kW; {@code null} for none
 * @param mode auto, manual or heating_curve
 * @param reason why, for people; may be {@code null}
 * @param plan the planned next steps, possibly empty
 */
public record SetpointMessage(
    String site,
    String building,
    long seq,
    Instant issuedAt,
    Instant validUntil,
    double supplySetpointC,
    Double heatLimitKw,
    Mode mode,
    String reason,
    List<PlanStep> plan) {

  public static final String SCHEMA = "heatgrid.setpoint/1";

  public SetpointMessage {
    Topics.checkId("site", site);
    Topics.checkId("building", building);
    Objects.requireNonNull(issuedAt, "issued_at");
    Objects.requireNonNull(validUntil, "valid_until");
    Objects.requireNonNull(mode, "mode");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0: " + seq);
    }
    if (!validUntil.isAfter(issuedAt)) {
      throw new IllegalArgumentException("valid_until must be after issued_at: " + validUntil
          + " <= " + issuedAt);
    }
    if (!Double.isFinite(supplySetpointC)) {
      throw new IllegalArgumentException("supply_setpoint_c must be finite: " + supplySetpointC);
    }
    if (heatLimitKw != null && !(heatLimitKw >= 0 && Double.isFinite(heatLimitKw))) {
      throw new IllegalArgumentException("heat_limit_kw must be a finite number >= 0 or null: "
          + heatLimitKw);
    }
    plan = plan == null ? List.of() : List.copyOf(plan);
  }

  /** A setpoint in mode auto, without reason or plan. */
  public static SetpointMessage auto(Topics topics, long seq, Instant issuedAt, Instant validUntil,
      Command command) {
    Double limit = Double.isInfinite(command.heatLimitKw()) ? null : command.heatLimitKw();
    return new SetpointMessage(topics.site(), topics.building(), seq, issuedAt, validUntil,
        command.supplySetpointC(), limit, Mode.AUTO, null, List.of());
  }

  /** The command to apply: the setpoint and the limit ({@link Command#NO_LIMIT} for none). */
  public Command command() {
    return new Command(supplySetpointC, heatLimitKw == null ? Command.NO_LIMIT : heatLimitKw);
  }

  /** True from {@code validUntil} on. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(validUntil);
  }
}
