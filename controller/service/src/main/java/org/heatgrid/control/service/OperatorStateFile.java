package org.heatgrid.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.loop.AuditEntry;
import org.heatgrid.control.loop.OperatorOverride;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;

/**
 * Keeps what operators changed across restarts of the service: {@code <data-dir>/operator-state.json}
 * holds modes, overrides, comfort bands and schedules ({@link OperatorState.Snapshot}); it is
 * rewritten after every change (to a temporary file, then moved over the old one, so a crash
 * leaves the old or the new state, never half of one). The audit history comes back from
 * {@code audit.jsonl} ({@link AuditFile}).
 *
 * <p>A file that cannot be read stops the start with an error naming the file, the place and the
 * reason: starting without the operators' overrides and modes would silently undo them.
 */
final class OperatorStateFile {

  static final String NAME = "operator-state.json";

  private final Path file;
  private final Path auditFile;
  private final ObjectMapper json = new ObjectMapper();

  OperatorStateFile(Path dataDir) {
    this.file = dataDir.resolve(NAME);
    this.auditFile = dataDir.resolve(AuditFile.NAME);
  }

  /** Puts the saved state and the audit history (the newest {@link OperatorState#AUDIT_KEPT}) back. */
  void restore(OperatorState operator) {
    OperatorState.Snapshot s = Files.exists(file) ? read()
        : new OperatorState.Snapshot(Map.of(), Map.of(), Map.of(), Map.of());
    try {
      operator.restore(s, history());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + ": " + e.getMessage()
          + " (the site has changed since it was saved; edit or remove the file)", e);
    }
  }

  /** Writes the operator state now. */
  synchronized void save(OperatorState operator) {
    OperatorState.Snapshot s = operator.snapshot();
    ObjectNode root = json.createObjectNode();
    root.put("version", 1);
    ObjectNode modes = root.putObject("modes");
    s.modes().forEach((id, m) -> modes.put(id, m.json()));
    ObjectNode overrides = root.putObject("overrides");
    s.overrides().forEach((id, o) -> overrides.putObject(id)
        .put("supply_setpoint_c", o.supplySetpointC()).put("expires_at", o.expiresAt().toString())
        .put("reason", o.reason()).put("by", o.by()).put("at", o.at().toString()));
    ObjectNode comfort = root.putObject("comfort");
    s.comfort().forEach((id, c) -> comfort.putObject(id)
        .put("occupied_low_c", c.occupiedLowC()).put("occupied_high_c", c.occupiedHighC())
        .put("unoccupied_low_c", c.unoccupiedLowC()).put("unoccupied_high_c", c.unoccupiedHighC()));
    ObjectNode schedules = root.putObject("schedules");
    s.schedules().forEach((id, h) -> schedules.putObject(id)
        .put("weekday", h.weekday().toString()).put("saturday", h.saturday().toString())
        .put("sunday_holiday", h.sundayHoliday().toString()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(NAME + ".tmp");
      Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root),
          StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("operator change kept in memory but not saved to " + file
          + ": " + e.getMessage(), e);
    }
  }

  private OperatorState.Snapshot read() {
    JsonNode root;
    try {
      root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read operator state " + file + ": " + e.getMessage()
          + " (fix or remove the file)", e);
    }
    try {
      if (root == null || !root.isObject() || root.path("version").asInt() != 1) {
        throw new IllegalArgumentException("$: expected an object with \"version\": 1");
      }
      Map<String, Mode> modes = new HashMap<>();
      root.path("modes").fields().forEachRemaining(e ->
          modes.put(e.getKey(), Mode.fromJson(text(e.getValue(), "modes." + e.getKey()))));
      Map<String, OperatorOverride> overrides = new HashMap<>();
      root.path("overrides").fields().forEachRemaining(e -> {
        String at = "overrides." + e.getKey();
        JsonNode o = e.getValue();
        overrides.put(e.getKey(), new OperatorOverride(e.getKey(),
            number(o, at + ".supply_setpoint_c"), instant(o, at + ".expires_at"),
            text(o.path("reason"), at + ".reason"), text(o.path("by"), at + ".by"),
            instant(o, at + ".at")));
      });
      Map<String, ComfortBand> comfort = new HashMap<>();
      root.path("comfort").fields().forEachRemaining(e -> {
        String at = "comfort." + e.getKey();
        JsonNode c = e.getValue();
        comfort.put(e.getKey(), new ComfortBand(number(c, at + ".occupied_low_c"),
            number(c, at + ".occupied_high_c"), number(c, at + ".unoccupied_low_c"),
            number(c, at + ".unoccupied_high_c")));
      });
      Map<String, OccupancySchedule> schedules = new HashMap<>();
      root.path("schedules").fields().forEachRemaining(e -> {
        String at = "schedules." + e.getKey();
        JsonNode h = e.getValue();
        schedules.put(e.getKey(), new OccupancySchedule(hours(h, at + ".weekday"),
            hours(h, at + ".saturday"), hours(h, at + ".sunday_holiday")));
      });
      return new OperatorState.Snapshot(modes, overrides, comfort, schedules);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read operator state " + file + ": " + e.getMessage()
          + " (fix or remove the file)", e);
    }
  }

  private List<AuditEntry> history() {
    if (!Files.exists(auditFile)) {
      return List.of();
    }
    ArrayDeque<AuditEntry> kept = new ArrayDeque<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(auditFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit history " + auditFile + ": "
          + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode e = json.readTree(lines.get(i));
        kept.addLast(new AuditEntry(Instant.parse(e.path("at").asText()), e.path("who").asText(),
            e.path("building").asText(), e.path("what").asText(), nullable(e, "before"),
            nullable(e, "after"), nullable(e, "why")));
      } catch (IOException | RuntimeException ex) {
        // An audit line torn by a crash must not stop the service: it stays in the file.
        org.jboss.logging.Logger.getLogger(OperatorStateFile.class).warnf(
            "%s line %d skipped: %s", auditFile, i + 1, ex.getMessage());
        continue;
      }
      if (kept.size() > OperatorState.AUDIT_KEPT) {
        kept.removeFirst();
      }
    }
    return List.copyOf(kept);
  }

  private static String nullable(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String text(JsonNode n, String at) {
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(at + ": expected a string");
    }
    return n.asText();
  }

  private static double number(JsonNode parent, String at) {
    JsonNode n = parent.path(at.substring(at.lastIndexOf('.') + 1));
    if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
      throw new IllegalArgumentException(at + ": expected a finite number");
    }
    return n.asDouble();
  }

  private static Instant instant(JsonNode parent, String at) {
    String t = text(parent.path(at.substring(at.lastIndexOf('.') + 1)), at);
    try {
      return Instant.parse(t);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(at + ": not an ISO-8601 instant: '" + t + "'");
    }
  }

  private static DailyHours hours(JsonNode parent, String at) {
    String t = text(parent.path(at.substring(at.lastIndexOf('.') + 1)), at);
    try {
      return DailyHours.parse(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage());
    }
  }
}
