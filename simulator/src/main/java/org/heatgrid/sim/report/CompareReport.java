package org.heatgrid.sim.report;

import static org.heatgrid.sim.report.SvgText.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heatgrid.sim.compare.BuildingComfort;
import org.heatgrid.sim.compare.Comparison;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.tariff.Tariff;

/**
 * The comparison page: the season's savings in KRW and per cent against the baseline, each
 * controller's share of the oracle's savings, and the runs' plots side by side. Self-contained
 * like the run report.
 */
public final class CompareReport {

  /** Indoor temperatures are drawn for the first building of each of these types. */
  private static final List<String> SHOWN_TYPES = List.of("office", "lecture", "dormitory");
  private static final int WEEK_STEPS_PER_DAY = 96;

  private CompareReport() {}

  public static void write(Comparison c, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(c), StandardCharsets.UTF_8);
  }

  /** One sentence that states the season's result for the cluster. */
  public static String statement(Comparison c, String controller) {
    Scenario s = c.scenario();
    KpiSet k = c.kpis().get(controller).cluster();
    KpiSet b = c.baseline().cluster();
    double saved = c.savingsKrw(controller);
    String share = Double.isFinite(c.shareOfOracle(controller)) && !controller.equals("oracle")
        ? String.format(Locale.ROOT, "; that is %.0f %% of the oracle's savings", 100 * c.shareOfOracle(controller))
        : "";
    return String.format(Locale.ROOT,
        "From %s to %s, %s %s %,.1f million KRW (%.1f %%) of the cluster's heat bill against the "
            + "baseline (%,.1f vs %,.1f million KRW), using %.1f %% %s heat, with occupied-hour "
            + "discomfort %.2f vs %.2f K*h per zone and cluster peak %,.0f vs %,.0f kW%s.",
        s.from(), s.to(), controller, saved >= 0 ? "saved" : "lost", Math.abs(saved) / 1e6,
        100 * Math.abs(saved) / b.costKrw(), b.costKrw() / 1e6, k.costKrw() / 1e6,
        100 * Math.abs(1 - k.energyMwh() / b.energyMwh()), k.energyMwh() <= b.energyMwh() ? "less" : "more",
        k.tdisOccupiedKhPerZone(), b.tdisOccupiedKhPerZone(), k.peakKw(), b.peakKw(), share);
  }

  static String render(Comparison c) {
    Scenario s = c.scenario();
    StringBuilder h = new StringBuilder(256 * 1024);
    String title = s.name() + ": " + String.join(" vs ", c.runs().keySet());
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n");
    h.append("<title>").append(esc(title)).append("</title>\n<style>\n").append(HtmlReport.CSS);
    h.append(".half{display:grid;grid-template-columns:1fr 1fr;gap:12px}</style></head>\n<body><main>\n");
    h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">");
    h.append(esc(String.format(Locale.ROOT, "%s to %s, weather %s, forecast error %s, seed %d; "
        + "every controller on the same trace", s.from(), s.to(), s.weatherName(),
        s.forecastError().name().toLowerCase(Locale.ROOT), s.seed())));
    h.append("</p>\n<ul class=\"notes\">");
    for (String name : c.runs().keySet()) {
      if (!name.equals("baseline")) {
        h.append("<li>").append(esc(statement(c, name))).append("</li>");
      }
    }
    h.append("</ul></header>\n");
    table(h, c);
    buildingComfort(h, c);
    clusterHeat(h, c);
    indoor(h, c);
    dailyCost(h, c);
    h.append("<footer>heatgrid comparison &middot; the oracle knows the true weather, states, "
        + "hot-water draws and the plant's response (see simulator/README.md)</footer>\n");
    return h.append("</main></body></html>\n").toString();
  }

  private static void table(StringBuilder h, Comparison c) {
    h.append("<section><h2>Savings against the baseline</h2><div class=\"card scroll\"><table>\n");
    h.append("<thead><tr><th>controller</th><th>cost MKRW</th><th>saved MKRW</th><th>saved %</th>"
        + "<th>usage MKRW</th><th>basic MKRW</th><th>energy MWh</th><th>energy ratio</th>"
        + "<th>peak kW</th><th>tdis occupied K*h/zone</th><th>tdis all hours K*h/zone</th>"
        + "<th>share of oracle's savings</th>"
        + "<th>fallback periods</th></tr></thead>\n<tbody>\n");
    KpiSet b = c.baseline().cluster();
    for (Map.Entry<String, RunResult> e : c.runs().entrySet()) {
      String name = e.getKey();
      KpiSet k = c.kpis().get(name).cluster();
      double share = c.shareOfOracle(name);
      long fallbacks = c.fallbackReasons().getOrDefault(name, Map.of()).values().stream()
          .mapToLong(Long::longValue).sum();
      h.append("<tr><td>").append(esc(name)).append("</td>");
      cell(h, "%,.1f", k.costKrw() / 1e6);
      cell(h, "%,.1f", c.savingsKrw(name) / 1e6);
      cell(h, "%.1f", 100 * c.savingsKrw(name) / b.costKrw());
      cell(h, "%,.1f", k.usageCostKrw() / 1e6);
      cell(h, "%,.2f", k.basicCostKrw() / 1e6);
      cell(h, "%,.0f", k.energyMwh());
      cell(h, "%.3f", k.energyMwh() / b.energyMwh());
      cell(h, "%,.0f", k.peakKw());
      cell(h, "%.2f", k.tdisOccupiedKhPerZone());
      cell(h, "%.2f", k.tdisKhPerZone());
      h.append("<td>").append(name.equals("baseline") || !Double.isFinite(share) ? "" 
          : String.format(Locale.ROOT, "%.0f %%", 100 * share)).append("</td>");
      h.append("<td>").append(fallbacks).append("</td></tr>\n");
    }
    h.append("</tbody></table><p class=\"cap\">Cost is usage at time-of-use prices plus the basic "
        + "charge on the capacity the season's cluster peak requires. Discomfort counts per zone "
        + "below 20 C or above 24 C while occupied (BOPTEST tdis). Savings count only at equal or "
        + "better comfort.</p></div></section>\n");
  }

  /** Occupied discomfort per building: a cluster mean can hide one building left cold. */
  private static void buildingComfort(StringBuilder h, Comparison c) {
    h.append("<section><h2>Comfort per building</h2><div class=\"card scroll\"><table>\n");
    h.append("<thead><tr><th>building</th>");
    c.runs().keySet().forEach(name -> h.append("<th>").append(esc(name)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (String id : c.baseline().buildings().keySet()) {
      h.append("<tr><td>").append(esc(id)).append("</td>");
      for (String name : c.runs().keySet()) {
        cell(h, "%.2f", c.kpis().get(name).buildings().get(id).tdisOccupiedKhPerZone());
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table><p class=\"cap\">Occupied-hour discomfort, K*h per zone. ");
    for (String name : c.runs().keySet()) {
      if (!name.equals("baseline")) {
        KpiReport k = c.kpis().get(name);
        h.append(esc(String.format(Locale.ROOT, "%s: worst building %s, %+.2f K*h per zone against "
            + "its own baseline figure. ", name, BuildingComfort.worstBuilding(k, c.baseline()),
            BuildingComfort.worstExcess(k, c.baseline()))));
      }
    }
    h.append("</p></div></section>\n");
  }

  private static void cell(StringBuilder h, String format, double v) {
    h.append("<td>").append(String.format(Locale.ROOT, format, v)).append("</td>");
  }

  /** The week around the season's coldest day, where control matters most. */
  private static int coldWeekStart(RunResult r) {
    int coldest = 0;
    for (int k = 0; k < r.steps(); k++) {
      if (r.outdoorC()[k] < r.outdoorC()[coldest]) {
        coldest = k;
      }
    }
    int day = coldest / WEEK_STEPS_PER_DAY;
    int first = Math.max(0, day - 3) * WEEK_STEPS_PER_DAY;
    return Math.min(first, Math.max(0, r.steps() - 7 * WEEK_STEPS_PER_DAY));
  }

  private static void clusterHeat(StringBuilder h, Comparison c) {
    RunResult base = c.runs().get("baseline");
    int from = coldWeekStart(base);
    int len = Math.min(7 * WEEK_STEPS_PER_DAY, base.steps() - from);
    SvgChart season = SvgChart.lines("Cluster heat rate, season (daily means)", "kW", base.start(),
        Duration.ofDays(1)).size(560, 260).includeZero();
    SvgChart week = SvgChart.lines("Cluster heat rate, coldest week", "kW", base.timeOf(from), base.step())
        .size(560, 260).includeZero();
    for (Map.Entry<String, RunResult> e : c.runs().entrySet()) {
      double[] cluster = clusterHeat(e.getValue());
      season.series(e.getKey(), dailyMeans(cluster, (int) (Duration.ofDays(1).toSeconds() / base.step().toSeconds())));
      week.series(e.getKey(), java.util.Arrays.copyOfRange(cluster, from, from + len));
    }
    h.append("<section><h2>Cluster heat</h2><div class=\"card half\"><figure>").append(season.render());
    h.append("</figure><figure>").append(week.render()).append("</figure></div></section>\n");
  }

  private static double[] dailyMeans(double[] v, int perDay) {
    double[] out = new double[(v.length + perDay - 1) / perDay];
    for (int i = 0; i < v.length; i++) {
      out[i / perDay] += v[i] / perDay;
    }
    return out;
  }

  private static double[] clusterHeat(RunResult r) {
    double[] out = new double[r.steps()];
    for (double[] b : r.heatKw()) {
      for (int k = 0; k < out.length; k++) {
        out[k] += b[k];
      }
    }
    return out;
  }

  private static void indoor(StringBuilder h, Comparison c) {
    RunResult base = c.runs().get("baseline");
    int from = coldWeekStart(base);
    int len = Math.min(7 * WEEK_STEPS_PER_DAY, base.steps() - from);
    h.append("<section><h2>Indoor temperature, coldest week (coldest zone of each building)</h2>"
        + "<div class=\"grid\">\n");
    for (String type : SHOWN_TYPES) {
      int b = firstOfType(base, type);
      if (b < 0) {
        continue;
      }
      String id = base.buildings().get(b).id();
      double[] low = new double[len];
      double[] high = new double[len];
      for (int k = 0; k < len; k++) {
        boolean occ = base.occupied()[b][from + k];
        low[k] = base.buildings().get(b).comfort().low(occ);
        high[k] = base.buildings().get(b).comfort().high(occ);
      }
      SvgChart chart = SvgChart.lines(id + " " + base.buildings().get(b).name(), "\u00b0C",
          base.timeOf(from), base.step()).size(400, 240).yRange(15, 25).band("comfort band", low, high);
      for (Map.Entry<String, RunResult> e : c.runs().entrySet()) {
        chart.series(e.getKey(), coldestZone(e.getValue(), b, from, len));
      }
      h.append("<div class=\"card\"><figure>").append(chart.render()).append("</figure></div>\n");
    }
    h.append("</div></section>\n");
  }

  private static int firstOfType(RunResult r, String type) {
    for (int b = 0; b < r.buildings().size(); b++) {
      if (r.buildings().get(b).type().equals(type)) {
        return b;
      }
    }
    return -1;
  }

  private static double[] coldestZone(RunResult r, int b, int from, int len) {
    double[] out = new double[len];
    for (int k = 0; k < len; k++) {
      double min = Double.POSITIVE_INFINITY;
      for (double[] z : r.zoneAirC()[b]) {
        min = Math.min(min, z[from + k]);
      }
      out[k] = min;
    }
    return out;
  }

  private static void dailyCost(StringBuilder h, Comparison c) {
    RunResult base = c.runs().get("baseline");
    SvgChart chart = SvgChart.lines("Daily usage cost of the cluster", "kKRW",
        base.start(), Duration.ofDays(1)).size(1100, 280).includeZero();
    for (Map.Entry<String, RunResult> e : c.runs().entrySet()) {
      chart.series(e.getKey(), dailyUsageKkrw(e.getValue()));
    }
    h.append("<section><h2>Daily cost</h2><div class=\"card\"><figure>").append(chart.render());
    h.append("</figure></div></section>\n");
  }

  /** Per day, the cluster's usage charge from the 15-minute meter windows, thousand KRW. */
  static double[] dailyUsageKkrw(RunResult r) {
    Tariff tariff = r.scenario().tariff();
    int windows = r.meterKwh15()[0].length;
    double[] out = new double[(windows + 95) / 96];
    for (int w = 0; w < windows; w++) {
      LocalDateTime t = r.start().plusMinutes(15L * w);
      double kwh = 0;
      for (double[] m : r.meterKwh15()) {
        kwh += m[w];
      }
      out[w / 96] += kwh * tariff.usageKrwPerKwh(t) / 1000;
    }
    return out;
  }
}
