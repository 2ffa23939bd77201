package org.heatgrid.gateway;

import java.time.Instant;
import java.util.Optional;
import org.heatgrid.control.api.Mode;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.Topics;

/**
 * The checks a decoded setpoint must pass before a gateway applies it. Pure: the gateway calls it
 * with its state; tests call it with a table of cases.
 */
final class SetpointGuard {

  private SetpointGuard() {}

  /**
   * @param m the decoded setpoint
   * @param topics the gateway's own topics (site and building)
   * @param lastSeq seq of the last setpoint accepted, -1 for none
   * @param now the gateway's clock
   * @param supplyMaxC the substation's maximum supply temperature, C
   * @return the reason to reject it, or empty to apply it
   */
  static Optional<RejectReason> check(SetpointMessage m, Topics topics, long lastSeq, Instant now,
      double supplyMaxC) {
    if (!m.site().equals(topics.site()) || !m.building().equals(topics.building())) {
      return Optional.of(RejectReason.WRONG_BUILDING);
    }
    if (m.seq() == lastSeq) {
      return Optional.of(RejectReason.DUPLICATE);
    }
    if (m.seq() < lastSeq) {
      return Optional.of(RejectReason.STALE_SEQ);
    }
    if (m.expiredAt(now)) {
      return Optional.of(RejectReason.EXPIRED);
    }
    if (m.mode() != Mode.HEATING_CURVE && m.supplySetpointC() > supplyMaxC) {
      return Optional.of(RejectReason.OUT_OF_RANGE);
    }
    return Optional.empty();
  }
}
