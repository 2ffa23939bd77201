package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.heatgrid.control.api.Mode;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;

/**
 * What operators decided: per building a {@link Mode}, an optional {@link OperatorOverride}, and the
 * site's comfort bands and schedules. Every change is an {@link AuditEntry}, kept in memory (the
 * last {@value #AUDIT_KEPT}) and handed to an audit sink (a file, a database).
 *
 * <p>Thread-safe: the API writes, the loop reads. A change of comfort or schedule yields a new
 * {@link Site} and a new {@link #siteVersion()}, upon which the loop restarts its controllers.
 */
public final class OperatorState {

  /** Audit entries kept in memory. */
  public static final int AUDIT_KEPT = 10_000;

  private final Consumer<AuditEntry> auditSink;
  private final Map<String, Mode> modes = new HashMap<>();
  private final Map<String, OperatorOverride> overrides = new HashMap<>();
  private final ArrayDeque<AuditEntry> audit = new ArrayDeque<>();
  private final Site configured;
  private Site site;
  private long siteVersion;

  /**
   * @param site the site as configured; every building starts in mode auto without override
   * @param auditSink receives each audit entry after the change; its failures are not the
   *     change's (they propagate after the change was made and kept in memory)
   */
  public OperatorState(Site site, Consumer<AuditEntry> auditSink) {
    this.site = Objects.requireNonNull(site, "site");
    this.configured = site;
    this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
  }

  public synchronized Site site() {
    return site;
  }

  /** Increases with every change of the site (comfort band, schedule). */
  public synchronized long siteVersion() {
    return siteVersion;
  }

  public synchronized Mode mode(String buildingId) {
    requireBuilding(buildingId);
    return modes.getOrDefault(buildingId, Mode.AUTO);
  }

  /** The override set for a building, expired or not. */
  public synchronized Optional<OperatorOverride> override(String buildingId) {
    requireBuilding(buildingId);
    return Optional.ofNullable(overrides.get(buildingId));
  }

  /** The override that applies at {@code now}, if any. */
  public synchronized Optional<OperatorOverride> activeOverride(String buildingId, Instant now) {
    return override(buildingId).filter(o -> o.activeAt(now));
  }

  /** The building id of audit entries about the whole site (its model bundle, its controller). */
  public static final String SITE = "*";

  /** Records a change to the whole site (not by an operator's building action), e.g. a bundle switch. */
  public void siteChange(String what, String before, String after, String who, String why,
      Instant now) {
    AuditEntry e;
    synchronized (this) {
      e = record(new AuditEntry(now, who, SITE, what, before, after, why));
    }
    auditSink.accept(e);
  }

  public void setMode(String buildingId, Mode mode, String who, String why, Instant now) {
    Objects.requireNonNull(mode, "mode");
    AuditEntry e;
    synchronized (this) {
      Mode before = mode(buildingId);
      modes.put(buildingId, mode);
      e = record(new AuditEntry(now, who, buildingId, "mode", before.json(), mode.json(), why));
    }
    auditSink.accept(e);
  }

  public void setOverride(OperatorOverride o) {
    AuditEntry e;
    synchronized (this) {
      OperatorOverride before = override(o.buildingId()).filter(x -> x.activeAt(o.at())).orElse(null);
      overrides.put(o.buildingId(), o);
      e = record(new AuditEntry(o.at(), o.by(), o.buildingId(), "override.set", describe(before),
          describe(o), o.reason()));
    }
    auditSink.accept(e);
  }

  /** Removes a building's override; returns false (and records nothing) when none was active. */
  public boolean clearOverride(String buildingId, String who, String why, Instant now) {
    AuditEntry e;
    synchronized (this) {
      Optional<OperatorOverride> before = activeOverride(buildingId, now);
      overrides.remove(buildingId);
      if (before.isEmpty()) {
        return false;
      }
      e = record(new AuditEntry(now, who, buildingId, "override.clear", describe(before.get()),
          null, why));
    }
    auditSink.accept(e);
    return true;
  }

  public void setComfort(String buildingId, ComfortBand band, String who, String why, Instant now) {
    Objects.requireNonNull(band, "band");
    AuditEntry e;
    synchronized (this) {
      BuildingInfo b = requireBuilding(buildingId);
      replace(new BuildingInfo(b.id(), b.name(), b.type(), b.floorAreaM2(), b.zones(), b.schedule(),
          band, b.substationCapacityKw(), b.supplyMaxC()));
      e = record(new AuditEntry(now, who, buildingId, "comfort", b.comfort().toString(),
          band.toString(), why));
    }
    auditSink.accept(e);
  }

  public void setSchedule(String buildingId, OccupancySchedule schedule, String who, String why,
      Instant now) {
    Objects.requireNonNull(schedule, "schedule");
    AuditEntry e;
    synchronized (this) {
      BuildingInfo b = requireBuilding(buildingId);
      replace(new BuildingInfo(b.id(), b.name(), b.type(), b.floorAreaM2(), b.zones(), schedule,
          b.comfort(), b.substationCapacityKw(), b.supplyMaxC()));
      e = record(new AuditEntry(now, who, buildingId, "schedule", b.schedule().toString(),
          schedule.toString(), why));
    }
    auditSink.accept(e);
  }

  /**
   * What operators have changed, to be kept across restarts: modes other than auto, overrides
   * (expired ones too, until cleared), and comfort bands and schedules that differ from the site
   * as configured.
   */
  public record Snapshot(Map<String, Mode> modes, Map<String, OperatorOverride> overrides,
      Map<String, ComfortBand> comfort, Map<String, OccupancySchedule> schedules) {
    public Snapshot {
      modes = Map.copyOf(modes);
      overrides = Map.copyOf(overrides);
      comfort = Map.copyOf(comfort);
      schedules = Map.copyOf(schedules);
    }
  }

  public synchronized Snapshot snapshot() {
    Map<String, Mode> m = new HashMap<>(modes);
    m.values().removeIf(x -> x == Mode.AUTO);
    Map<String, ComfortBand> comfort = new HashMap<>();
    Map<String, OccupancySchedule> schedules = new HashMap<>();
    for (BuildingInfo b : site.buildings()) {
      BuildingInfo was = configured.building(b.id()).orElseThrow();
      if (!b.comfort().equals(was.comfort())) {
        comfort.put(b.id(), b.comfort());
      }
      if (!b.schedule().equals(was.schedule())) {
        schedules.put(b.id(), b.schedule());
      }
    }
    return new Snapshot(m, overrides, comfort, schedules);
  }

  /**
   * Puts back a saved snapshot and audit history at start-up. Nothing is audited or sent to the
   * sink: these changes were audited when they were made.
   *
   * @throws IllegalArgumentException naming an unknown building; nothing is changed then
   */
  public synchronized void restore(Snapshot s, List<AuditEntry> history) {
    List<String> ids = new ArrayList<>();
    ids.addAll(s.modes().keySet());
    ids.addAll(s.overrides().keySet());
    ids.addAll(s.comfort().keySet());
    ids.addAll(s.schedules().keySet());
    ids.forEach(this::requireBuilding);
    s.overrides().forEach((id, o) -> {
      if (!o.buildingId().equals(id)) {
        throw new IllegalArgumentException("override filed under '" + id + "' is for '"
            + o.buildingId() + "'");
      }
    });
    modes.putAll(s.modes());
    overrides.putAll(s.overrides());
    s.comfort().forEach((id, band) -> {
      BuildingInfo b = requireBuilding(id);
      replace(new BuildingInfo(b.id(), b.name(), b.type(), b.floorAreaM2(), b.zones(), b.schedule(),
          band, b.substationCapacityKw(), b.supplyMaxC()));
    });
    s.schedules().forEach((id, schedule) -> {
      BuildingInfo b = requireBuilding(id);
      replace(new BuildingInfo(b.id(), b.name(), b.type(), b.floorAreaM2(), b.zones(), schedule,
          b.comfort(), b.substationCapacityKw(), b.supplyMaxC()));
    });
    history.forEach(this::record);
  }

  /** The audit entries kept in memory, oldest first. */
  public synchronized List<AuditEntry> audit() {
    return new ArrayList<>(audit);
  }

  /**
   * The building, or an exception naming the id.
   *
   * @throws IllegalArgumentException when the site has no such building
   */
  public synchronized BuildingInfo requireBuilding(String buildingId) {
    return site.building(buildingId).orElseThrow(
        () -> new IllegalArgumentException("unknown building '" + buildingId + "'"));
  }

  private void replace(BuildingInfo changed) {
    List<BuildingInfo> list = new ArrayList<>(site.buildings());
    list.replaceAll(b -> b.id().equals(changed.id()) ? changed : b);
    site = new Site(site.name(), site.zone(), site.controlStep(), site.tariff(), site.holidays(), list);
    siteVersion++;
  }

  private AuditEntry record(AuditEntry e) {
    if (audit.size() == AUDIT_KEPT) {
      audit.removeFirst();
    }
    audit.addLast(e);
    return e;
  }

  private static String describe(OperatorOverride o) {
    return o == null ? null
        : o.supplySetpointC() + " C until " + o.expiresAt();
  }
}
