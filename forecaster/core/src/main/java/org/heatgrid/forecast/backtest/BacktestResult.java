package org.heatgrid.forecast.backtest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heatgrid.forecast.metrics.ErrorSummary;

/**
 * Scores of a {@link DayAheadBacktest}, in the forecasters' order.
 *
 * @param buildings building ids, in grid order
 * @param testFrom first test day
 * @param testTo last test day
 * @param zone the zone whose midnights were the issue times
 * @param firstStep grid index of the first test step
 * @param steps number of test steps; predictions cover {@code [firstStep, firstStep + steps)}
 * @param forecasters per forecaster name, its scores
 */
public record BacktestResult(
    List<String> buildings,
    LocalDate testFrom,
    LocalDate testTo,
    ZoneId zone,
    int firstStep,
    int steps,
    Map<String, ForecasterResult> forecasters) {

  /** JSON key of the timing entry (so no forecaster may be called that). */
  public static final String TIMING_KEY = "timing_seconds";

  public BacktestResult {
    buildings = List.copyOf(buildings);
    forecasters = Collections.unmodifiableMap(new LinkedHashMap<>(forecasters));
  }

  /**
   * One forecaster's scores.
   *
   * @param name forecaster name
   * @param buildings per building id, its errors over the test steps
   * @param mean the mean of the per-building errors ({@link ErrorSummary#meanOf})
   * @param fitSeconds wall time of {@code fit}
   * @param predictSeconds wall time of all {@code predictAll} calls
   * @param predictions {@code [building][k - firstStep]}, kW; NaN where not forecast. Shared, not
   *     copied: do not modify.
   */
  public record ForecasterResult(
      String name,
      Map<String, ErrorSummary> buildings,
      ErrorSummary mean,
      double fitSeconds,
      double predictSeconds,
      double[][] predictions) {

    public ForecasterResult {
      buildings = Collections.unmodifiableMap(new LinkedHashMap<>(buildings));
    }
  }

  /** The scores of forecaster {@code name}. */
  public ForecasterResult get(String name) {
    ForecasterResult r = forecasters.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no forecaster '" + name + "' in " + forecasters.keySet());
    }
    return r;
  }

  /**
   * Forecaster {@code name}'s scores as plain maps, for a model's metadata: {@code test_from},
   * {@code test_to}, {@code zone}, {@code mean} and {@code buildings} ({@code cvrmse}, {@code nmbe},
   * {@code mae}, {@code n}), {@code fit_seconds}, {@code predict_seconds}, and {@code baselines}: the
   * other forecasters' means, to read the model's figures against. An undefined (NaN) figure is left
   * out rather than stored as null, so the maps survive {@code Map.copyOf}.
   */
  public Map<String, Object> metricsOf(String name) {
    ForecasterResult r = get(name);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("test_from", testFrom.toString());
    m.put("test_to", testTo.toString());
    m.put("zone", zone.getId());
    m.put("mean", errorMap(r.mean()));
    Map<String, Object> perBuilding = new LinkedHashMap<>();
    r.buildings().forEach((id, e) -> perBuilding.put(id, errorMap(e)));
    m.put("buildings", perBuilding);
    m.put("fit_seconds", r.fitSeconds());
    m.put("predict_seconds", r.predictSeconds());
    Map<String, Object> others = new LinkedHashMap<>();
    forecasters.forEach((other, o) -> {
      if (!other.equals(name)) {
        others.put(other, errorMap(o.mean()));
      }
    });
    m.put("baselines", others);
    return m;
  }

  private static Map<String, Object> errorMap(ErrorSummary e) {
    Map<String, Object> m = new LinkedHashMap<>();
    putFinite(m, "cvrmse", e.cvrmse());
    putFinite(m, "nmbe", e.nmbe());
    putFinite(m, "mae", e.mae());
    m.put("n", e.n());
    return m;
  }

  private static void putFinite(Map<String, Object> m, String key, double v) {
    if (Double.isFinite(v)) {
      m.put(key, v);
    }
  }

  /**
   * metrics.json: {@code {"<name>": {"mean": {"cvrmse", "nmbe", "mae"}, "buildings": {"<id>":
   * {...}}}, ..., "timing_seconds": {"<name>": {"fit", "predict"}}}}. CV(RMSE) and NMBE in %, MAE
   * in kW; an undefined value (no scored step) is {@code null}. Written by hand: the module has no
   * JSON library.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    for (ForecasterResult r : forecasters.values()) {
      sb.append("  ").append(string(r.name())).append(": {\n    \"mean\": ");
      errors(sb, r.mean());
      sb.append(",\n    \"buildings\": {");
      String sep = "\n";
      for (Map.Entry<String, ErrorSummary> e : r.buildings().entrySet()) {
        sb.append(sep).append("      ").append(string(e.getKey())).append(": ");
        errors(sb, e.getValue());
        sep = ",\n";
      }
      sb.append("\n    }\n  },\n");
    }
    sb.append("  ").append(string(TIMING_KEY)).append(": {");
    String sep = "\n";
    for (ForecasterResult r : forecasters.values()) {
      sb.append(sep).append("    ").append(string(r.name())).append(": {\"fit\": ")
          .append(number(r.fitSeconds())).append(", \"predict\": ").append(number(r.predictSeconds()))
          .append('}');
      sep = ",\n";
    }
    return sb.append("\n  }\n}\n").toString();
  }

  private static void errors(StringBuilder sb, ErrorSummary s) {
    sb.append("{\"cvrmse\": ").append(number(s.cvrmse())).append(", \"nmbe\": ")
        .append(number(s.nmbe())).append(", \"mae\": ").append(number(s.mae())).append('}');
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A text table: one row per building and the mean; for each forecaster CV(RMSE) %, NMBE % and
   * MAE kW; then fit and predict times.
   */
  public String toTable() {
    List<String> rows = new ArrayList<>(buildings);
    rows.add("mean");
    String timing = "fit/predict s";
    int idWidth = timing.length();
    for (String r : rows) {
      idWidth = Math.max(idWidth, r.length());
    }
    int cell = 9;
    int group = 3 * cell + 2;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "day-ahead backtest %s..%s, issued at midnight %s%n",
        testFrom, testTo, zone));
    sb.append(pad("", idWidth));
    for (String name : forecasters.keySet()) {
      sb.append(" | ").append(pad(name.length() > group ? name.substring(0, group) : name, group));
    }
    sb.append('\n').append(pad("building", idWidth));
    for (int i = 0; i < forecasters.size(); i++) {
      sb.append(" | ").append(String.format(Locale.ROOT, "%" + cell + "s %" + cell + "s %" + cell + "s",
          "CV(RMSE)%", "NMBE%", "MAE kW"));
    }
    sb.append('\n').append("-".repeat(idWidth + forecasters.size() * (group + 3))).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      boolean meanRow = i == buildings.size(); // the last row; a building may be called "mean" too
      sb.append(pad(rows.get(i), idWidth));
      for (ForecasterResult r : forecasters.values()) {
        ErrorSummary s = meanRow ? r.mean() : r.buildings().get(rows.get(i));
        sb.append(" | ").append(String.format(Locale.ROOT, "%" + cell + "s %" + cell + "s %" + cell + "s",
            fixed(s.cvrmse()), fixed(s.nmbe()), fixed(s.mae())));
      }
      sb.append('\n');
    }
    sb.append(pad(timing, idWidth));
    for (ForecasterResult r : forecasters.values()) {
      sb.append(" | ").append(pad(String.format(Locale.ROOT, "%.2f / %.2f", r.fitSeconds(),
          r.predictSeconds()), group));
    }
    return sb.append('\n').toString();
  }

  private static String fixed(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
