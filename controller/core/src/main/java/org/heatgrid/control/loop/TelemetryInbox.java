package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.wire.TelemetryMessage;

/**
 * The latest accepted telemetry per building, and the count of what was refused by reason.
 *
 * <p>Transport adapters decode and schema-check messages, then {@link #offer} them (or {@link
 * #reject} what they could not decode). The inbox itself refuses unknown buildings, infinite
 * values and periods that are not newer than the building's last accepted one (replays; a
 * restarted gateway whose seq starts again at 0 is accepted, because its period is newer).
 *
 * <p>Thread-safe: adapters offer from their threads, the loop reads from its own.
 */
public final class TelemetryInbox {

  /** How many accepted readings wait for {@link #drain} before the oldest are dropped. */
  public static final int DRAIN_CAPACITY = 100_000;

  private final Set<String> buildings;
  private final Map<String, TelemetryMessage> latest = new HashMap<>();
  private final ArrayDeque<TelemetryMessage> undrained = new ArrayDeque<>();
  private final Map<TelemetryRejection, Long> rejected = new EnumMap<>(TelemetryRejection.class);
  private long accepted;
  private long drainDropped;
  private String lastRejection;

  /** An inbox for these building ids. */
  public TelemetryInbox(Set<String> buildingIds) {
    this.buildings = Set.copyOf(buildingIds);
    for (TelemetryRejection r : TelemetryRejection.values()) {
      rejected.put(r, 0L);
    }
  }

  /**
   * Accepts a decoded reading or refuses it.
   *
   * @return empty when accepted, else the reason it was refused (and counted)
   */
  public synchronized Optional<TelemetryRejection> offer(TelemetryMessage r) {
    String id = r.building();
    if (!buildings.contains(id)) {
      return refuse(TelemetryRejection.UNKNOWN_BUILDING, "unknown building '" + id + "'");
    }
    String infinite = infiniteField(r.telemetry());
    if (infinite != null) {
      return refuse(TelemetryRejection.NON_FINITE, id + ": " + infinite + " is not finite");
    }
    TelemetryMessage last = latest.get(id);
    if (last != null && !r.periodEnd().isAfter(last.periodEnd())) {
      return refuse(TelemetryRejection.REPLAYED, id + ": seq " + r.seq() + " for the period ending "
          + r.periodEnd() + " is not newer than the accepted seq " + last.seq() + " ending "
          + last.periodEnd());
    }
    latest.put(id, r);
    accepted++;
    if (undrained.size() == DRAIN_CAPACITY) {
      undrained.removeFirst();
      drainDropped++;
    }
    undrained.addLast(r);
    return Optional.empty();
  }

  /** Counts a message an adapter could not decode; {@code detail} names the place and reason. */
  public synchronized void reject(TelemetryRejection reason, String detail) {
    refuse(reason, detail);
  }

  private Optional<TelemetryRejection> refuse(TelemetryRejection reason, String detail) {
    rejected.merge(reason, 1L, Long::sum);
    lastRejection = reason.label() + ": " + detail;
    return Optional.of(reason);
  }

  /** The latest accepted reading of a building. */
  public synchronized Optional<TelemetryMessage> latest(String buildingId) {
    return Optional.ofNullable(latest.get(buildingId));
  }

  /** Per building, the latest telemetry whose period ended after {@code notBefore}. */
  public synchronized Map<String, Telemetry> snapshot(Instant notBefore) {
    Map<String, Telemetry> out = new HashMap<>();
    latest.forEach((id, r) -> {
      if (r.periodEnd().isAfter(notBefore)) {
        out.put(id, r.telemetry());
      }
    });
    return out;
  }

  /** The readings accepted since the previous call, oldest first. */
  public synchronized List<TelemetryMessage> drain() {
    List<TelemetryMessage> out = new ArrayList<>(undrained);
    undrained.clear();
    return out;
  }

  public synchronized long accepted() {
    return accepted;
  }

  public synchronized long rejected(TelemetryRejection reason) {
    return rejected.get(reason);
  }

  /** Refused messages by reason (every reason present, possibly 0). */
  public synchronized Map<TelemetryRejection, Long> rejectedCounts() {
    return Map.copyOf(rejected);
  }

  /** Readings dropped because nobody drained them (more than {@link #DRAIN_CAPACITY} waiting). */
  public synchronized long drainDropped() {
    return drainDropped;
  }

  /** The last refusal, reason and detail, for operators. */
  public synchronized Optional<String> lastRejection() {
    return Optional.ofNullable(lastRejection);
  }

  public Set<String> buildings() {
    return buildings;
  }

  private static String infiniteField(Telemetry t) {
    double[] values = {t.heatKw(), t.primarySupplyC(), t.primaryReturnC(), t.primaryFlowM3h(),
        t.secondarySupplyC(), t.secondaryReturnC(), t.secondaryFlowM3h(), t.outdoorC()};
    String[] names = {"heat_kw", "primary_supply_c", "primary_return_c", "primary_flow_m3h",
        "secondary_supply_c", "secondary_return_c", "secondary_flow_m3h", "outdoor_c"};
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        return names[i];
      }
    }
    for (int i = 0; i < t.zones(); i++) {
      if (Double.isInfinite(t.zoneTempC(i))) {
        return "zone_temps_c[" + i + "]";
      }
    }
    return null;
  }
}
