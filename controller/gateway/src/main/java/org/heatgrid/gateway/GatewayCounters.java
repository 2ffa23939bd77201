package org.heatgrid.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a gateway has done since it started. Thread-safe; readers see each counter's latest value
 * (the counters are not a consistent snapshot of one another).
 */
public final class GatewayCounters {

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();
  private final Map<RejectReason, AtomicLong> rejected = new EnumMap<>(RejectReason.class);
  private final AtomicLong fallbacks = new AtomicLong();
  private final AtomicLong telemetryPublished = new AtomicLong();
  private final AtomicLong telemetryDropped = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong resubscribes = new AtomicLong();

  GatewayCounters() {
    for (RejectReason r : RejectReason.values()) {
      rejected.put(r, new AtomicLong());
    }
  }

  /** Setpoint messages that arrived, valid or not. */
  public long setpointsReceived() {
    return received.get();
  }

  /** Setpoints applied to the substation. */
  public long setpointsApplied() {
    return applied.get();
  }

  /** Setpoint messages ignored for a reason. */
  public long setpointsRejected(RejectReason reason) {
    return rejected.get(reason).get();
  }

  /** Setpoint messages ignored, all reasons. */
  public long setpointsRejected() {
    return rejected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Times the gateway went from a controller setpoint to its local heating curve. */
  public long fallbacks() {
    return fallbacks.get();
  }

  public long telemetryPublished() {
    return telemetryPublished.get();
  }

  /** Telemetry periods that could not be handed to the MQTT client (offline buffer full). */
  public long telemetryDropped() {
    return telemetryDropped.get();
  }

  /** Successful connections to the broker, first one and reconnections. */
  public long connects() {
    return connects.get();
  }

  /** Subscriptions sent again because the broker did not acknowledge the first in time. */
  public long resubscribes() {
    return resubscribes.get();
  }

  void countReceived() {
    received.incrementAndGet();
  }

  void countApplied() {
    applied.incrementAndGet();
  }

  void countRejected(RejectReason reason) {
    rejected.get(reason).incrementAndGet();
  }

  void countFallback() {
    fallbacks.incrementAndGet();
  }

  void countTelemetryPublished() {
    telemetryPublished.incrementAndGet();
  }

  void countTelemetryDropped() {
    telemetryDropped.incrementAndGet();
  }

  void countConnect() {
    connects.incrementAndGet();
  }

  void countResubscribe() {
    resubscribes.incrementAndGet();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("received=").append(received).append(" applied=")
        .append(applied).append(" rejected={");
    rejected.forEach((r, n) -> {
      if (n.get() > 0) {
        s.append(r).append('=').append(n).append(' ');
      }
    });
    return s.append("} fallbacks=").append(fallbacks).append(" telemetry=")
        .append(telemetryPublished).append(" dropped=").append(telemetryDropped)
        .append(" connects=").append(connects).toString();
  }
}
