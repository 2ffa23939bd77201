package org.heatgrid.forecast.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One read of a meter CSV for {@link MeterCsv#read}: rows that pass the per-row checks are kept in
 * primitive arrays (no object per row: half a million rows), then the grid is inferred and the
 * rows are put on it in file order, so the first of duplicate rows wins. Rules: see {@link MeterCsv}.
 */
final class MeterCsvReading {

  /** Kinds that reject a row (all but {@code bad_ghi_wm2}, which only blanks the irradiance). */
  private static final List<String> REJECTING = List.of(
      "bad_field_count", "empty_building", "bad_timestamp", "bad_heat_kw", "negative_heat_kw",
      "bad_outdoor_c", "implausible_outdoor_c", "off_grid", "duplicate_equal",
      "duplicate_conflicting");

  /**
   * Guard against a grid blown up by one wrong timestamp (a year 2201 in a 2021 file): more than
   * this many cells, and ten times more cells than rows, is refused.
   */
  private static final long MAX_SPARSE_CELLS = 20_000_000L;

  private final String source;
  private final CsvText text = new CsvText();
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<BadRow> bad = new ArrayList<>();
  private final Map<String, Integer> buildingIndex = new HashMap<>();
  private final List<String> buildings = new ArrayList<>();

  // Rows that passed the per-row checks, in file order.
  private int n;
  private int[] line = new int[1024];
  private int[] building = new int[1024];
  private long[] epochSecond = new long[1024];
  private double[] heat = new double[1024];
  private double[] outdoor = new double[1024];
  private double[] ghi = new double[1024];

  MeterCsvReading(String source) {
    this.source = source;
    for (String k : MeterCsv.COUNT_KEYS) {
      counts.put(k, 0);
    }
  }

  MeterCsv.Result run(BufferedReader in) throws IOException {
    String header = in.readLine();
    while (header != null && header.isBlank()) {
      header = in.readLine();
    }
    if (header == null) {
      throw new MeterCsvException(source + ": empty file (no header line)");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    List<String> names = CsvText.split(header);
    int width = names.size();
    int cTime = column(names, "timestamp", true);
    int cBuilding = column(names, "building", true);
    int cHeat = column(names, "heat_kw", true);
    int cOutdoor = column(names, "outdoor_c", true);
    int cGhi = column(names, "ghi_wm2", false);
    int lineNo = 1;
    String s;
    while ((s = in.readLine()) != null) {
      lineNo++;
      if (s.isBlank()) {
        add("blank_lines", 1);
        continue;
      }
      add("rows_read", 1);
      List<String> f = CsvText.split(s);
      if (f.size() != width) {
        reject(lineNo, "row", "bad_field_count",
            "expected " + width + " fields as in the header, found " + f.size());
        continue;
      }
      String id = f.get(cBuilding).strip();
      if (id.isEmpty()) {
        reject(lineNo, "building", "empty_building", "empty building id");
        continue;
      }
      String ts = f.get(cTime).strip();
      long t = text.parseEpochSecond(ts);
      if (t == CsvText.NOT_A_TIME) {
        reject(lineNo, "timestamp", "bad_timestamp", text.error + ": '" + ts + "'");
        continue;
      }
      if (text.fractionalSecond) {
        reject(lineNo, "timestamp", "off_grid", "fraction of a second, on no grid: '" + ts + "'");
        continue;
      }
      String hs = f.get(cHeat).strip();
      double h = Double.NaN;
      if (!hs.isEmpty()) {
        h = text.parseNumber(hs);
        if (text.error != null) {
          reject(lineNo, "heat_kw", "bad_heat_kw", text.error);
          continue;
        }
        if (h < 0) {
          reject(lineNo, "heat_kw", "negative_heat_kw", "negative heat " + hs);
          continue;
        }
        h = h + 0.0; // -0.0 becomes 0.0
      }
      String os = f.get(cOutdoor).strip();
      double o = Double.NaN;
      if (!os.isEmpty()) {
        o = text.parseNumber(os);
        if (text.error != null) {
          reject(lineNo, "outdoor_c", "bad_outdoor_c", text.error);
          continue;
        }
        if (o < MeterCsv.MIN_OUTDOOR_C || o > MeterCsv.MAX_OUTDOOR_C) {
          reject(lineNo, "outdoor_c", "implausible_outdoor_c",
              "outdoor temperature " + os + " C outside " + MeterCsv.MIN_OUTDOOR_C + ".."
                  + MeterCsv.MAX_OUTDOOR_C);
          continue;
        }
      }
      double g = Double.NaN;
      String gs = cGhi < 0 ? "" : f.get(cGhi).strip();
      if (!gs.isEmpty()) {
        g = text.parseNumber(gs);
        if (text.error != null) {
          add("bad_ghi_wm2", 1);
          bad.add(new BadRow(lineNo, "ghi_wm2", "bad_ghi_wm2",
              text.error + " (irradiance set missing, row kept)"));
          g = Double.NaN;
        }
      }
      keep(lineNo, id, t, h, o, g);
    }
    if (get("rows_read") == 0) {
      throw new MeterCsvException(source + ": no data rows after the header");
    }
    return place();
  }

  private int column(List<String> names, String name, boolean required) {
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
        if (found >= 0) {
          throw new MeterCsvException(source + ": column '" + name + "' appears twice in the header");
        }
        found = i;
      }
    }
    if (found < 0 && required) {
      throw new MeterCsvException(source + ": required column '" + name + "' missing; header has "
          + names + ", expected " + MeterCsv.COLUMNS + " (ghi_wm2 optional)");
    }
    return found;
  }

  private void keep(int lineNo, String id, long t, double h, double o, double g) {
    if (n == line.length) {
      int cap = n * 2;
      line = Arrays.copyOf(line, cap);
      building = Arrays.copyOf(building, cap);
      epochSecond = Arrays.copyOf(epochSecond, cap);
      heat = Arrays.copyOf(heat, cap);
      outdoor = Arrays.copyOf(outdoor, cap);
      ghi = Arrays.copyOf(ghi, cap);
    }
    Integer b = buildingIndex.get(id);
    if (b == null) {
      b = buildings.size();
      buildingIndex.put(id, b);
      buildings.add(id);
    }
    line[n] = lineNo;
    building[n] = b;
    epochSecond[n] = t;
    heat[n] = h;
    outdoor[n] = o;
    ghi[n] = g;
    n++;
  }

  /** Infers the grid, places rows in file order (first of duplicates wins), counts the rest. */
  private MeterCsv.Result place() {
    if (n == 0) {
      throw new MeterCsvException(source + ": no usable row among " + get("rows_read")
          + "; first problems: " + bad.subList(0, Math.min(5, bad.size())));
    }
    long step = inferStep();
    if (86_400 % step != 0) {
      throw new MeterCsvException(source + ": inferred step " + Duration.ofSeconds(step)
          + " does not divide a day");
    }
    long phase = inferPhase(step);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (Math.floorMod(epochSecond[i], step) == phase) {
        first = Math.min(first, epochSecond[i]);
        last = Math.max(last, epochSecond[i]);
      }
    }
    long steps = (last - first) / step + 1;
    long cells = steps * buildings.size();
    if (steps > Integer.MAX_VALUE || (cells > MAX_SPARSE_CELLS && cells > 10L * n)) {
      throw new MeterCsvException(source + ": times run from " + Instant.ofEpochSecond(first)
          + " to " + Instant.ofEpochSecond(last) + ", a grid of " + steps + " steps of "
          + Duration.ofSeconds(step) + " for only " + n + " rows; is a timestamp wrong?");
    }
    int len = (int) steps;
    int nb = buildings.size();
    double[][] hk = filled(nb, len);
    double[][] oc = filled(nb, len);
    double[][] gw = filled(nb, len);
    int[][] lineAt = new int[nb][len];
    int used = 0;
    for (int i = 0; i < n; i++) {
      long off = epochSecond[i] - first;
      if (Math.floorMod(off, step) != 0) {
        reject(line[i], "timestamp", "off_grid", Instant.ofEpochSecond(epochSecond[i])
            + " is not on the grid of " + Duration.ofSeconds(step) + " steps from "
            + Instant.ofEpochSecond(first));
        continue;
      }
      int b = building[i];
      int k = (int) (off / step);
      if (lineAt[b][k] != 0) {
        boolean equal = Double.compare(hk[b][k], heat[i]) == 0
            && Double.compare(oc[b][k], outdoor[i]) == 0 && Double.compare(gw[b][k], ghi[i]) == 0;
        String what = "duplicate of line " + lineAt[b][k] + " (" + buildings.get(b) + " at "
            + Instant.ofEpochSecond(epochSecond[i]) + ")";
        if (equal) {
          reject(line[i], "timestamp", "duplicate_equal", what + " with equal values; first kept");
        } else {
          reject(line[i], "timestamp", "duplicate_conflicting", what + " with conflicting values: kept heat "
              + hk[b][k] + " outdoor " + oc[b][k] + " ghi " + gw[b][k] + ", dropped heat " + heat[i]
              + " outdoor " + outdoor[i] + " ghi " + ghi[i]);
        }
        continue;
      }
      lineAt[b][k] = line[i];
      hk[b][k] = heat[i];
      oc[b][k] = outdoor[i];
      gw[b][k] = ghi[i];
      used++;
      if (Double.isNaN(heat[i])) {
        add("missing_heat", 1);
      }
      if (Double.isNaN(outdoor[i])) {
        add("missing_outdoor", 1);
      }
      if (Double.isNaN(ghi[i])) {
        add("missing_ghi", 1);
      }
    }
    countEmptyCells(lineAt);
    counts.put("rows_used", used);
    int rejected = 0;
    for (String k : REJECTING) {
      rejected += get(k);
    }
    counts.put("rows_rejected", rejected);
    if (used + rejected != get("rows_read")) {
      throw new IllegalStateException("meter CSV accounting broken: " + counts);
    }
    bad.sort(Comparator.comparingInt(BadRow::line));
    MeterData data = new MeterData(Instant.ofEpochSecond(first), Duration.ofSeconds(step),
        buildings, hk, oc, gw);
    return new MeterCsv.Result(data, bad, counts);
  }

  private void countEmptyCells(int[][] lineAt) {
    int gaps = 0;
    int outside = 0;
    for (int[] row : lineAt) {
      int lo = 0;
      while (lo < row.length && row[lo] == 0) {
        lo++;
      }
      int hi = row.length - 1;
      while (hi >= lo && row[hi] == 0) {
        hi--;
      }
      outside += lo + (row.length - 1 - hi);
      for (int k = lo; k <= hi; k++) {
        if (row[k] == 0) {
          gaps++;
        }
      }
    }
    counts.put("gaps", gaps);
    counts.put("outside_span", outside);
  }

  /** Most common positive spacing between consecutive distinct times of one building. */
  private long inferStep() {
    Map<Long, Integer> spacing = new HashMap<>();
    int[] size = new int[buildings.size()];
    for (int i = 0; i < n; i++) {
      size[building[i]]++;
    }
    long[][] times = new long[buildings.size()][];
    for (int b = 0; b < times.length; b++) {
      times[b] = new long[size[b]];
      size[b] = 0;
    }
    for (int i = 0; i < n; i++) {
      times[building[i]][size[building[i]]++] = epochSecond[i];
    }
    for (long[] t : times) {
      Arrays.sort(t);
      for (int i = 1; i < t.length; i++) {
        if (t[i] > t[i - 1]) {
          spacing.merge(t[i] - t[i - 1], 1, Integer::sum);
        }
      }
    }
    return mostCommon(spacing, 3600L);
  }

  /** Most common time modulo the step: where the grid lies. */
  private long inferPhase(long step) {
    Map<Long, Integer> phases = new HashMap<>();
    for (int i = 0; i < n; i++) {
      phases.merge(Math.floorMod(epochSecond[i], step), 1, Integer::sum);
    }
    return mostCommon(phases, 0L);
  }

  private static long mostCommon(Map<Long, Integer> histogram, long ifEmpty) {
    long best = ifEmpty;
    int bestCount = 0;
    for (Map.Entry<Long, Integer> e : histogram.entrySet()) {
      int c = e.getValue();
      // A tie goes to the larger value: a stray half-hour row must not halve an hourly grid.
      if (c > bestCount || (c == bestCount && e.getKey() > best)) {
        best = e.getKey();
        bestCount = c;
      }
    }
    return best;
  }

  private static double[][] filled(int rows, int cols) {
    double[][] a = new double[rows][cols];
    for (double[] r : a) {
      Arrays.fill(r, Double.NaN);
    }
    return a;
  }

  private void reject(int lineNo, String column, String kind, String reason) {
    add(kind, 1);
    bad.add(new BadRow(lineNo, column, kind, reason));
  }

  private void add(String key, int d) {
    counts.merge(key, d, Integer::sum);
  }

  private int get(String key) {
    return counts.get(key);
  }
}
