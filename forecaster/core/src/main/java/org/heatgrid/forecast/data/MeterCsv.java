package org.heatgrid.forecast.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The meter CSV format: {@code timestamp,building,heat_kw,outdoor_c,ghi_wm2}, one row per building
 * and step. Columns are found by header name, in any order; other columns are ignored;
 * {@code ghi_wm2} is optional. A file whose name ends in {@code .gz} is gzip-compressed.
 *
 * <p>Reading ({@link #read}) puts every building on one grid, from the earliest to the latest
 * timestamp, with the step inferred from the data. It never drops anything silently: each rejected
 * row becomes a {@link BadRow} with its line number, and {@link Result#counts()} accounts for every
 * row ({@code rows_read = rows_used + rows_rejected}) and every empty grid cell. Whole-file problems
 * (empty file, missing required column, no usable row) throw {@link MeterCsvException}.
 *
 * <p>Row rules, checked in this order; the first problem found is the one reported:
 * <ul>
 *   <li>{@code bad_field_count}: not as many fields as the header;
 *   <li>{@code empty_building}: blank building id;
 *   <li>{@code bad_timestamp}: not ISO-8601 with a UTC offset ({@code Z} or {@code +09:00}); the
 *       offset may change within the file (every time is converted to an instant);
 *   <li>{@code bad_heat_kw} / {@code bad_outdoor_c}: text, {@code NaN} or infinite;
 *   <li>{@code negative_heat_kw}: heat below zero (zero is kept: heating off in summer is real);
 *   <li>{@code implausible_outdoor_c}: outside -60..60 C;
 *   <li>{@code off_grid}: the time is not a whole number of steps from the grid's start;
 *   <li>{@code duplicate_equal} / {@code duplicate_conflicting}: a second row for the same building
 *       and step; the first row in the file is kept.
 * </ul>
 * An empty {@code heat_kw} or {@code outdoor_c} is a missing value (NaN, counted in
 * {@code missing_heat} / {@code missing_outdoor}), not an error; an empty {@code ghi_wm2} is NaN.
 * Grid cells for which the file has no row are NaN and counted: {@code gaps} between a building's
 * first and last row, {@code outside_span} before its first or after its last row (buildings'
 * records may cover different years).
 *
 * <p>The step is the most common positive spacing between consecutive distinct times of a building
 * (pooled over buildings; a tie goes to the larger step), so a few irregular rows do not change
 * it. The grid's phase is the most common time modulo the step, so one stray row at :30 does not
 * push every other row off the grid. A file with a single timestamp is taken as hourly.
 */
public final class MeterCsv {

  /** Header written by {@link #write}; also the column names {@link #read} looks for. */
  public static final List<String> COLUMNS =
      List.of("timestamp", "building", "heat_kw", "outdoor_c", "ghi_wm2");

  /** Plausible outdoor temperature range, C; outside it a sensor or unit is wrong. */
  public static final double MIN_OUTDOOR_C = -60;

  public static final double MAX_OUTDOOR_C = 60;

  /** Count keys of {@link Result#counts()}, in report order. */
  public static final List<String> COUNT_KEYS = List.of(
      "rows_read", "rows_used", "rows_rejected", "blank_lines",
      "bad_field_count", "empty_building", "bad_timestamp", "bad_heat_kw", "negative_heat_kw",
      "bad_outdoor_c", "implausible_outdoor_c", "off_grid", "duplicate_equal",
      "duplicate_conflicting", "bad_ghi_wm2",
      "missing_heat", "missing_outdoor", "missing_ghi", "gaps", "outside_span");

  private MeterCsv() {}

  /**
   * What {@link #read} found.
   *
   * @param data the series on one grid
   * @param badRows every rejected row (and unreadable irradiance), by line number
   * @param counts rows and cells by kind, keys as {@link #COUNT_KEYS}, every key present
   */
  public record Result(MeterData data, List<BadRow> badRows, Map<String, Integer> counts) {

    public Result {
      badRows = List.copyOf(badRows);
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The count for {@code key}, 0 when absent. */
    public int count(String key) {
      return counts.getOrDefault(key, 0);
    }

    /** One line per non-zero count, then up to {@code maxBadRows} bad rows; for logs and CLIs. */
    public String summary(int maxBadRows) {
      StringBuilder sb = new StringBuilder();
      sb.append(data.buildings().size()).append(" buildings, ").append(data.length())
          .append(" steps of ").append(data.step()).append(" from ").append(data.start()).append('\n');
      counts.forEach((k, v) -> {
        if (v != 0 || k.startsWith("rows_")) {
          sb.append("  ").append(k).append(": ").append(v).append('\n');
        }
      });
      for (int i = 0; i < Math.min(maxBadRows, badRows.size()); i++) {
        sb.append("  ").append(badRows.get(i)).append('\n');
      }
      if (badRows.size() > maxBadRows) {
        sb.append("  ... ").append(badRows.size() - maxBadRows).append(" more bad rows\n");
      }
      return sb.toString();
    }
  }

  /**
   * Reads a meter CSV ({@code .csv}, or gzip-compressed when the name ends in {@code .gz}).
   *
   * @throws MeterCsvException when the file as a whole cannot be used
   * @throws UncheckedIOException when it cannot be read
   */
  public static Result read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      return new MeterCsvReading(file.toString()).run(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read meter file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code data} in the meter CSV format, building by building, times in UTC ({@code Z}).
   * Every step of every building is written (missing values as empty fields), so reading the file
   * back gives the same grid. Gzip-compressed when the name ends in {@code .gz}.
   *
   * @throws IllegalArgumentException for a value {@link #read} would reject (negative or infinite
   *     heat, temperature outside -60..60 C): better to fail at the writer than lose the row later
   */
  public static void write(MeterData data, Path file) {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = isGzip(file) ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      w.write(String.join(",", COLUMNS));
      w.write('\n');
      StringBuilder row = new StringBuilder(64);
      for (int b = 0; b < data.buildings().size(); b++) {
        String id = CsvText.quote(data.buildings().get(b));
        for (int k = 0; k < data.length(); k++) {
          double heat = data.heatKw()[b][k];
          double temp = data.outdoorC()[b][k];
          double ghi = data.ghiWm2()[b][k];
          checkWritable(data, b, k, heat, temp, ghi);
          row.setLength(0);
          row.append(data.time(k)).append(',').append(id).append(',');
          appendValue(row, heat).append(',');
          appendValue(row, temp).append(',');
          appendValue(row, ghi).append('\n');
          w.append(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write meter file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkWritable(MeterData d, int b, int k, double heat, double temp, double ghi) {
    String where = " for building " + d.buildings().get(b) + " at " + d.time(k);
    if (Double.isInfinite(heat) || heat < 0) {
      throw new IllegalArgumentException("heat " + heat + " kW" + where + " is not a meter value");
    }
    if (Double.isInfinite(temp) || temp < MIN_OUTDOOR_C || temp > MAX_OUTDOOR_C) {
      throw new IllegalArgumentException("outdoor temperature " + temp + " C" + where + " is implausible");
    }
    if (Double.isInfinite(ghi)) {
      throw new IllegalArgumentException("irradiance " + ghi + where + " is infinite");
    }
  }

  /** Double.toString is the shortest text that parses back to the same double: exact round trip. */
  private static StringBuilder appendValue(StringBuilder sb, double v) {
    return Double.isNaN(v) ? sb : sb.append(v);
  }

  private static boolean isGzip(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
