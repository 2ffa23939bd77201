package org.heatgrid.learn.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads telemetry exported from a building-management or metering system as CSV, one row per
 * building and period:
 *
 * <pre>
 * time,building,heat_kw,secondary_supply_c,secondary_return_c,secondary_flow_m3h,outdoor_c,zone_1_c[,zone_2_c...][,ghi_wm2]
 * 2026-01-05T00:15:00+09:00,B01,512.3,58.1,44.0,31.2,-3.4,21.2,20.8
 * </pre>
 *
 * {@code time} is the end of the period (ISO-8601 with offset); {@code indoor_c} may stand for the
 * zone columns; {@code ghi_wm2} (the irradiance for the period) is optional. An empty cell is a
 * missing reading. A header without a required column is refused naming it; a bad row is rejected
 * with its line number and reason and reading goes on.
 */
public final class CsvRecords {

  static final List<String> REQUIRED = List.of("time", "building", "heat_kw",
      "secondary_supply_c", "secondary_return_c", "secondary_flow_m3h", "outdoor_c");

  private CsvRecords() {}

  public static SiteRecord read(Path file) {
    SiteRecord record = new SiteRecord(file.toString());
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new RecordException(file + ": empty file (no header)");
      }
      String[] columns = header.trim().split(",", -1);
      List<String> names = new ArrayList<>();
      for (String c : columns) {
        names.add(c.trim());
      }
      for (String r : REQUIRED) {
        if (!names.contains(r)) {
          throw new RecordException(file + " line 1: the header lacks column '" + r
              + "' (required: " + String.join(", ", REQUIRED) + ", and zone_1_c... or indoor_c)");
        }
      }
      if (!names.contains("zone_1_c") && !names.contains("indoor_c")) {
        throw new RecordException(file + " line 1: the header has no indoor temperature "
            + "(zone_1_c, zone_2_c, ... or indoor_c)");
      }
      String text;
      long n = 1;
      while ((text = in.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        String where = file.getFileName() + " line " + n;
        try {
          row(record, names, text.split(",", -1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
          record.reject(where, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new RecordException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return record;
  }

  private static void row(SiteRecord record, List<String> names, String[] cells) {
    if (cells.length != names.size()) {
      throw new IllegalArgumentException(cells.length + " cells, the header has " + names.size());
    }
    Map<String, Object> fields = new HashMap<>();
    String building = null;
    Instant end = null;
    for (int c = 0; c < cells.length; c++) {
      String name = names.get(c);
      String v = cells[c].trim();
      if (name.equals("time")) {
        end = OffsetDateTime.parse(v).toInstant();
      } else if (name.equals("building")) {
        building = v;
      } else if (!v.isEmpty()) {
        try {
          fields.put(name.equals("indoor_c") ? "indoor_mean_c" : name, Double.parseDouble(v));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("column " + name + ": '" + v + "' is not a number");
        }
      }
    }
    if (building == null || building.isEmpty()) {
      throw new IllegalArgumentException("no building");
    }
    record.put(end, TelemetryFields.of(building, fields));
    if (fields.containsKey("ghi_wm2")) {
      // The row's period started one step before its end; the step is the site's, unknown here,
      // so the irradiance is kept by the period's end and shifted when the history is built.
      record.ghiAtEnd(end, (Double) fields.get("ghi_wm2"));
    }
  }
}
