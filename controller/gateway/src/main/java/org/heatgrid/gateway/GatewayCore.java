package org.heatgrid.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.fallback.LocalFallback;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.PayloadException;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.StatusMessage;
import org.heatgrid.wire.TelemetryMessage;
import org.heatgrid.wire.Topics;

/**
 * What a gateway decides, without MQTT: which setpoint it holds, when it falls back to the local
 * heating curve, what status and telemetry it sends. {@link EdgeGateway} feeds it arriving
 * payloads and wall-clock ticks and publishes what it hands to the {@link Outbox}; tests drive it
 * directly with a fake clock.
 *
 * <p>Not thread-safe: one thread calls every method (the gateway's loop thread). The getters
 * with a {@code volatile} view may be read from any thread.
 */
final class GatewayCore {

  /** Where the core's messages go. */
  interface Outbox {
    void status(StatusMessage status);

    void telemetry(TelemetryMessage telemetry);
  }

  private static final Logger LOG = Logger.getLogger(EdgeGateway.class.getName());

  private final GatewayConfig config;
  private final Topics topics;
  private final Substation substation;
  private final Clock clock;
  private final PayloadCodec codec;
  private final GatewayCounters counters;
  private final Outbox outbox;

  private SetpointMessage held;
  private long lastSeq = -1;
  private String reason = "no setpoint received since start";
  private Instant since;
  private Instant periodStart;
  private Instant nextTelemetry;
  private long telemetrySeq;
  private boolean curveInPeriod;

  private volatile GatewayState state = GatewayState.FALLBACK;
  private volatile SetpointMessage heldView;
  private volatile StatusMessage lastStatus;

  GatewayCore(GatewayConfig config, Substation substation, Clock clock, PayloadCodec codec,
      GatewayCounters counters, Outbox outbox) {
    this.config = config;
    this.topics = config.topics();
    this.substation = substation;
    this.clock = clock;
    this.codec = codec;
    this.counters = counters;
    this.outbox = outbox;
  }

  GatewayState state() {
    return state;
  }

  Optional<SetpointMessage> heldSetpoint() {
    return Optional.ofNullable(heldView);
  }

  Optional<StatusMessage> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }

  /** Starts on the local curve; the first telemetry period ends at the next multiple of the period. */
  void begin() {
    Instant now = clock.instant();
    since = now;
    periodStart = now;
    nextTelemetry = nextBoundary(now, config.telemetryPeriod());
    applyCurve();
    curveInPeriod = true;
    publishStatus();
  }

  /** After each (re)connection: say where the gateway stands. */
  void connected() {
    publishStatus();
  }

  /** A payload arrived on the setpoint topic: apply it, or reject and count it. */
  void onSetpoint(byte[] payload) {
    counters.countReceived();
    SetpointMessage m;
    try {
      m = codec.decodeSetpoint(payload);
    } catch (PayloadException e) {
      reject(RejectReason.MALFORMED, e.getMessage());
      return;
    }
    Instant now = clock.instant();
    Optional<RejectReason> verdict =
        SetpointGuard.check(m, topics, lastSeq, now, config.supplyMaxC());
    if (verdict.isPresent()) {
      reject(verdict.get(), describe(verdict.get(), m, now));
      return;
    }
    held = m;
    heldView = m;
    lastSeq = m.seq();
    counters.countApplied();
    if (m.mode() == Mode.HEATING_CURVE) {
      applyCurve();
      curveInPeriod = true;
    } else {
      apply(m.command());
    }
    setState(GatewayState.ONLINE, "setpoint " + m.seq() + " (" + m.mode().json() + ") valid until "
        + m.validUntil());
  }

  /**
   * Looks at the clock: falls back when the held setpoint expired, sends telemetry when a period
   * ended.
   */
  void tick() {
    Instant now = clock.instant();
    if (held != null && held.expiredAt(now)) {
      SetpointMessage old = held;
      held = null;
      heldView = null;
      counters.countFallback();
      applyCurve();
      curveInPeriod = true;
      setState(GatewayState.FALLBACK, "setpoint " + old.seq() + " expired at " + old.validUntil());
    }
    if (!now.isBefore(nextTelemetry)) {
      Duration period = config.telemetryPeriod();
      Instant end = nextTelemetry;
      while (!now.isBefore(end.plus(period))) {
        end = end.plus(period); // the clock jumped: one long period rather than empty ones
      }
      sendTelemetry(periodStart, end);
      periodStart = end;
      nextTelemetry = end.plus(period);
      boolean onCurve = held == null || held.mode() == Mode.HEATING_CURVE;
      if (onCurve) {
        applyCurve(); // follow the outdoor temperature
      }
      curveInPeriod = onCurve;
    }
  }

  /** The gateway stops on purpose: status offline. */
  void stop() {
    setState(GatewayState.OFFLINE, "gateway stopped");
  }

  private String describe(RejectReason r, SetpointMessage m, Instant now) {
    return switch (r) {
      case WRONG_BUILDING -> "setpoint " + m.seq() + " is for " + m.site() + "/" + m.building()
          + ", this gateway is " + topics.site() + "/" + topics.building();
      case DUPLICATE -> "setpoint " + m.seq() + " already held";
      case STALE_SEQ -> "setpoint seq " + m.seq() + " is below the last accepted " + lastSeq;
      case EXPIRED -> "setpoint " + m.seq() + " expired at " + m.validUntil() + " (now " + now + ")";
      case OUT_OF_RANGE -> "setpoint " + m.seq() + " supply_setpoint_c " + m.supplySetpointC()
          + " is above the circuit's maximum " + config.supplyMaxC();
      case MALFORMED -> "malformed";
    };
  }

  private void reject(RejectReason r, String detail) {
    counters.countRejected(r);
    if (r == RejectReason.DUPLICATE) {
      LOG.log(Level.FINE, "gateway {0}: {1}", new Object[] {topics.building(), detail});
      return;
    }
    LOG.log(Level.WARNING, "gateway {0}: setpoint rejected ({1}) on {2}: {3}",
        new Object[] {topics.building(), r, topics.setpoint(), detail});
    if (state == GatewayState.FALLBACK) {
      reason = "no valid setpoint; last message rejected (" + r.name().toLowerCase(Locale.ROOT)
          + "): " + detail;
      publishStatus();
    }
  }

  private void sendTelemetry(Instant start, Instant end) {
    Telemetry t;
    try {
      t = substation.read();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "gateway " + topics.building() + ": substation read failed", e);
      counters.countTelemetryDropped();
      return;
    }
    Telemetry out = new Telemetry(topics.building(), t.heatKw(), t.primarySupplyC(),
        t.primaryReturnC(), t.primaryFlowM3h(), t.secondarySupplyC(), t.secondaryReturnC(),
        t.secondaryFlowM3h(), t.zoneTempsC(), t.outdoorC(), t.localFallback() || curveInPeriod);
    outbox.telemetry(new TelemetryMessage(telemetrySeq++, start, end, out));
  }

  private void setState(GatewayState newState, String why) {
    if (newState != state) {
      since = clock.instant();
      state = newState;
    }
    reason = why;
    publishStatus();
  }

  private void publishStatus() {
    StatusMessage s = new StatusMessage(topics.building(), state, since, reason,
        lastSeq < 0 ? null : lastSeq);
    lastStatus = s;
    outbox.status(s);
  }

  private void applyCurve() {
    apply(LocalFallback.command(readOutdoor(), config.supplyMaxC()));
  }

  private double readOutdoor() {
    try {
      return substation.outdoorC();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "gateway " + topics.building() + ": outdoor sensor read failed", e);
      return Double.NaN;
    }
  }

  private void apply(Command c) {
    try {
      substation.apply(c);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "gateway " + topics.building() + ": substation refused " + c, e);
    }
  }

  /** The first multiple of {@code period} since the epoch that lies after {@code now}. */
  static Instant nextBoundary(Instant now, Duration period) {
    long p = period.toMillis();
    long t = now.toEpochMilli();
    return Instant.ofEpochMilli((Math.floorDiv(t, p) + 1) * p);
  }
}
