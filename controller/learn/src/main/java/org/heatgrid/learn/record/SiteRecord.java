package org.heatgrid.learn.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.site.Site;

/**
 * The telemetry a site's control service recorded (or a meter export gave), as read back: per
 * building, each period's reading by the period's end; the irradiance the weather service gave for
 * each period; and the lines that could not be used, each with its place and reason. Readers
 * ({@link LineProtocolRecords}, {@link InfluxRecords}, {@link CsvRecords}) fill it; learning turns
 * it into a {@link SiteHistory} at the site's control step.
 */
public final class SiteRecord {

  /** Rejections kept verbatim; beyond this only the count grows. */
  private static final int KEEP_REJECTIONS = 20;

  private final String source;
  private final TreeMap<String, TreeMap<Instant, Telemetry>> readings = new TreeMap<>();
  private final TreeMap<Instant, Double> ghi = new TreeMap<>();
  private final TreeMap<Instant, Double> ghiByEnd = new TreeMap<>();
  private final Set<String> otherSites = new TreeSet<>();
  private final List<String> rejections = new ArrayList<>();
  private long rejected;

  public SiteRecord(String source) {
    this.source = source;
  }

  /** Where the record came from (file, database, query). */
  public String source() {
    return source;
  }

  /** A reading for the period ending at {@code periodEnd}; a later reading of the same period wins. */
  public void put(Instant periodEnd, Telemetry t) {
    readings.computeIfAbsent(t.buildingId(), id -> new TreeMap<>()).put(periodEnd, t);
  }

  /**
   * The irradiance the weather service gave at {@code issuedAt} for the period then starting; a
   * forecast issued within a period applies to it.
   */
  public void ghi(Instant issuedAt, double wm2) {
    if (Double.isFinite(wm2)) {
      ghi.put(issuedAt, wm2);
    }
  }

  /** The irradiance for the period ending at {@code periodEnd} (a CSV row's). */
  public void ghiAtEnd(Instant periodEnd, double wm2) {
    if (Double.isFinite(wm2)) {
      ghiByEnd.put(periodEnd, wm2);
    }
  }

  /** Telemetry of another site in the same source, not used. */
  public void otherSite(String name) {
    otherSites.add(name);
  }

  /** A line or row that was not used: {@code where} (file and line) and why. */
  public void reject(String where, String why) {
    rejected++;
    if (rejections.size() < KEEP_REJECTIONS) {
      rejections.add(where + ": " + why);
    }
  }

  public long rejected() {
    return rejected;
  }

  public List<String> rejections() {
    return List.copyOf(rejections);
  }

  public Set<String> otherSites() {
    return Set.copyOf(otherSites);
  }

  /** Drops every building but {@code ids} (a service that controls part of a site's file). */
  public void retain(Set<String> ids) {
    readings.keySet().retainAll(ids);
  }

  public Set<String> buildings() {
    return readings.keySet();
  }

  /** Building {@code id}'s readings by period end (empty when none). */
  public NavigableMap<Instant, Telemetry> readings(String id) {
    return readings.getOrDefault(id, new TreeMap<>());
  }

  public long readingCount() {
    return readings.values().stream().mapToLong(Map::size).sum();
  }

  public boolean hasIrradiance() {
    return !ghi.isEmpty() || !ghiByEnd.isEmpty();
  }

  /** The first period's start, or null when there is no reading. */
  public Instant first(Duration step) {
    return readings.values().stream().map(m -> m.firstKey()).min(Instant::compareTo)
        .map(t -> t.minus(step)).orElse(null);
  }

  /** The last period's end, or null when there is no reading. */
  public Instant last() {
    return readings.values().stream().map(m -> m.lastKey()).max(Instant::compareTo).orElse(null);
  }

  /**
   * The record at the site's control step, from the first period to the last: periods without a
   * building's reading are null for it, periods of unknown irradiance read 0 W/m2 when the record
   * has no irradiance at all (a site without a weather service) and NaN otherwise. Readings off
   * the step's grid go to the period they end in.
   */
  public SiteHistory history(Site site) {
    Duration step = site.controlStep();
    SiteHistory h = new SiteHistory(site);
    Instant from = first(step);
    if (from == null) {
      return h;
    }
    long stepMs = step.toMillis();
    long start = Math.floorDiv(from.toEpochMilli(), stepMs) * stepMs;
    long end = last().toEpochMilli();
    List<NavigableMap<Instant, Telemetry>> byBuilding = site.buildings().stream()
        .map(b -> readings(b.id())).toList();
    double missingGhi = hasIrradiance() ? Double.NaN : 0;
    for (long t = start; t < end; t += stepMs) {
      Instant s = Instant.ofEpochMilli(t);
      Instant e = Instant.ofEpochMilli(t + stepMs);
      Telemetry[] row = new Telemetry[byBuilding.size()];
      for (int b = 0; b < row.length; b++) {
        Map.Entry<Instant, Telemetry> r = byBuilding.get(b).ceilingEntry(e.minusMillis(stepMs - 1));
        row[b] = r != null && !r.getKey().isAfter(e) ? r.getValue() : null;
      }
      h.add(s.atZone(site.zone()).toLocalDateTime(), row, periodGhi(s, e, missingGhi));
    }
    return h;
  }

  /**
   * SHA-256 of what was accepted (building, period end and every value, in order; then the
   * irradiance of every period at the control {@code step}, as learning reads it), whatever the
   * source's format: the same record from points.lp, InfluxDB or CSV has the same hash.
   */
  public String sha256(Duration step) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer buf = ByteBuffer.allocate(16);
    for (var b : readings.entrySet()) {
      md.update(b.getKey().getBytes(StandardCharsets.UTF_8));
      for (var r : b.getValue().entrySet()) {
        Telemetry t = r.getValue();
        md.update(buf.clear().putLong(r.getKey().toEpochMilli()).array(), 0, 8);
        for (double v : new double[] {t.heatKw(), t.secondarySupplyC(), t.secondaryReturnC(),
            t.secondaryFlowM3h(), t.outdoorC()}) {
          md.update(buf.clear().putDouble(v).array(), 0, 8);
        }
        for (double z : t.zoneTempsC()) {
          md.update(buf.clear().putDouble(z).array(), 0, 8);
        }
      }
    }
    Instant from = first(step);
    if (from != null) {
      long stepMs = step.toMillis();
      double missing = hasIrradiance() ? Double.NaN : 0;
      for (long t = Math.floorDiv(from.toEpochMilli(), stepMs) * stepMs; t < last().toEpochMilli();
          t += stepMs) {
        double g = periodGhi(Instant.ofEpochMilli(t), Instant.ofEpochMilli(t + stepMs), missing);
        md.update(buf.clear().putLong(t).putDouble(g).array(), 0, 16);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The irradiance of the period {@code [s, e)}: the forecast issued in it, or the CSV row's. */
  private double periodGhi(Instant s, Instant e, double missing) {
    // The loop issues its forecast when it decides, at the period's start or a little after.
    Map.Entry<Instant, Double> issued = ghi.lowerEntry(e);
    return issued != null && !issued.getKey().isBefore(s) ? issued.getValue()
        : ghiByEnd.getOrDefault(e, missing);
  }
}
