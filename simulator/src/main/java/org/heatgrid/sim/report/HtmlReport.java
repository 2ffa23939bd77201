package org.heatgrid.sim.report;

import static org.heatgrid.sim.report.SvgText.esc;
import static org.heatgrid.sim.report.SvgText.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: inline CSS, charts as inline SVG,
 * no scripts, fonts or links, so it opens offline, can be mailed as one file and prints as seen.
 *
 * <p>The page holds no timestamp of its own: the same run gives the same bytes, so reports can be
 * diffed and checked in. Captions only point at things (when the peak was, how often a building
 * left its band); the figures that count are the simulator's, in the KPI table.
 */
public final class HtmlReport {

  /** Indoor temperature this far outside the band counts in the caption; hides float noise. */
  private static final double BAND_TOLERANCE_K = 0.1;

  /** Left margin of the full-width charts, so that their plots line up under each other. */
  private static final int WIDE_LEFT = 60;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE M/d HH:mm", Locale.ROOT);

  static final String CSS =
      """
      *{box-sizing:border-box}
      body{margin:0;background:#f5f6f8;color:#222;font:15px/1.45 system-ui,-apple-system,\
      "Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
      main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
      h1{font-size:26px;line-height:1.2;margin:0 0 4px;font-weight:650}
      h2{font-size:17px;margin:0 0 8px;font-weight:600}
      .sub{color:#555;margin:0 0 12px}
      .notes{margin:0 0 8px;padding:8px 12px 8px 30px;background:#fff8e6;\
      border-left:4px solid #e0a800;border-radius:4px;font-size:14px}
      section{margin-top:24px}
      .card{background:#fff;border:1px solid #e2e4e8;border-radius:8px;padding:14px 16px}
      .scroll{overflow-x:auto;padding:4px 6px}
      table{border-collapse:collapse;font-size:14px;font-variant-numeric:tabular-nums;width:100%}
      th,td{padding:6px 10px;border-bottom:1px solid #eceef1;text-align:right;white-space:nowrap}
      th{font-weight:600;color:#444;border-bottom:2px solid #d5d8dd}
      th:first-child,td:first-child{text-align:left}
      tr.cluster td{font-weight:650;background:#f1f5fa}
      figure{margin:0}
      .stack figure+figure{margin-top:6px}
      svg{display:block;width:100%;height:auto}
      figcaption,.cap{font-size:13px;color:#555;margin:4px 0 0}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:12px}
      .grid .card{padding:8px 10px}
      footer{color:#888;font-size:12px;margin-top:28px}
      @media print{body{background:#fff;font-size:10pt}main{max-width:none;padding:0}
      .card{border:none;padding:0}section,figure,tr{break-inside:avoid}
      .grid{grid-template-columns:repeat(3,1fr)}}
      """;

  private HtmlReport() {}

  /** Writes the page as UTF-8, creating missing parent directories. */
  public static void write(ReportData d, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(d), StandardCharsets.UTF_8);
  }

  /** The page as a string. */
  public static String render(ReportData d) {
    StringBuilder h = new StringBuilder(128 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n");
    h.append("<title>").append(esc(d.title())).append("</title>\n<style>\n").append(CSS);
    h.append("</style></head>\n<body><main>\n<header><h1>").append(esc(d.title()));
    h.append("</h1>\n");
    if (!d.subtitle().isBlank()) {
      h.append("<p class=\"sub\">").append(esc(d.subtitle())).append("</p>\n");
    }
    if (!d.notes().isEmpty()) {
      h.append("<ul class=\"notes\">");
      d.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
      h.append("</ul>\n");
    }
    h.append("</header>\n");
    kpiTable(h, d);
    heat(h, d);
    cost(h, d);
    buildings(h, d);
    boolean wholeMinutes = d.step().toSeconds() % 60 == 0 && d.step().getNano() == 0;
    h.append("<footer>heatgrid run report &middot; ");
    h.append(String.format(Locale.ROOT, "%,d steps of ", d.steps()));
    h.append(wholeMinutes ? d.step().toMinutes() + " min" : d.step().toString());
    h.append(" from ").append(d.start().toString().replace('T', ' ')).append(" local time");
    return h.append("</footer>\n</main></body></html>\n").toString();
  }

  private static void kpiTable(StringBuilder h, ReportData d) {
    if (d.kpiColumns().isEmpty() && d.kpiRows().isEmpty()) {
      return;
    }
    h.append("<section><h2>Key figures</h2><div class=\"card scroll\"><table>\n<thead><tr>");
    d.kpiColumns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < d.kpiRows().size(); r++) {
      List<String> row = d.kpiRows().get(r);
      h.append(r == 0 ? "<tr class=\"cluster\">" : "<tr>");
      for (int c = 0; c < Math.max(row.size(), d.kpiColumns().size()); c++) {
        h.append("<td>").append(c < row.size() ? esc(row.get(c)) : "").append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div></section>\n");
  }

  private static void heat(StringBuilder h, ReportData d) {
    String heat = SvgChart.lines("Cluster heat rate", "kW", d.start(), d.step())
        .size(1100, 300).minYAxisWidth(WIDE_LEFT).includeZero()
        .series("Cluster heat", d.clusterHeatKw()).render();
    String outdoor = SvgChart.lines("Outdoor temperature", "\u00b0C", d.start(), d.step())
        .size(1100, 170).minYAxisWidth(WIDE_LEFT)
        .series("Outdoor", d.outdoorC(), SvgChart.PALETTE[2]).render();
    h.append("<section><h2>Heat and weather</h2><div class=\"card stack\">\n<figure>").append(heat);
    h.append("</figure>\n<figure>").append(outdoor).append("<figcaption>");
    h.append(extreme(d, d.clusterHeatKw(), true, "Peak heat rate", "kW")).append(' ');
    h.append(extreme(d, d.outdoorC(), false, "Coldest outdoor", "\u00b0C"));
    h.append("</figcaption></figure></div></section>\n");
  }

  /** "Peak heat rate 1,234 kW at Tue 1/14 07:45." from the full-resolution series. */
  private static String extreme(ReportData d, double[] v, boolean max, String what, String unit) {
    int at = -1;
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i]) && (at < 0 || (max ? v[i] > v[at] : v[i] < v[at]))) {
        at = i;
      }
    }
    if (at < 0) {
      return esc(what) + ": no data.";
    }
    String when = WHEN.format(d.start().plus(d.step().multipliedBy(at)));
    String shown = "kW".equals(unit) ? value(v[at]) : String.format(Locale.ROOT, "%.1f", v[at]);
    return esc(what + " " + shown + " " + unit + " at " + when + ".");
  }

  private static void cost(StringBuilder h, ReportData d) {
    double[] total = d.dailyUsageCostKrw();
    double[] peak = d.dailyPeakBandUsageCostKrw();
    double[] other = new double[total.length];
    double sum = 0;
    double peakSum = 0;
    for (int i = 0; i < total.length; i++) {
      double p = Double.isFinite(peak[i]) ? peak[i] : 0;
      other[i] = total[i] - p; // NaN total stays NaN: no bar that day
      sum += Double.isFinite(total[i]) ? total[i] : 0;
      peakSum += Double.isFinite(total[i]) ? p : 0;
    }
    String chart = SvgChart.dailyBars("Daily usage cost", "KRW", d.firstDay()).size(1100, 260)
        .minYAxisWidth(WIDE_LEFT)
        .series("Peak band", peak, SvgChart.PALETTE[1])
        .series("Other hours", other, SvgChart.PALETTE[0]).render();
    h.append("<section><h2>Cost</h2><div class=\"card\"><figure>").append(chart);
    h.append("<figcaption>Usage charge ").append(value(sum)).append(" KRW over ");
    h.append(total.length).append(total.length == 1 ? " day" : " days");
    if (peakSum > 0 && sum > 0) {
      h.append(String.format(Locale.ROOT, ", %.1f%% of it in the peak band.", 100 * peakSum / sum));
    } else {
      h.append(", none of it in a peak band.");
    }
    h.append(" Hover a bar for the day's figures.</figcaption></figure></div></section>\n");
  }

  private static void buildings(StringBuilder h, ReportData d) {
    h.append("<section><h2>Buildings</h2>\n");
    if (d.buildings().isEmpty()) {
      h.append("<p class=\"cap\">No building series in this run.</p></section>\n");
      return;
    }
    // One y range for all panels: small multiples are compared by eye, so they share their axes.
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ReportData.BuildingSeries b : d.buildings()) {
      for (double[] a : List.of(b.indoorC(), b.comfortLowC(), b.comfortHighC())) {
        for (double v : a) {
          lo = Double.isFinite(v) ? Math.min(lo, v) : lo;
          hi = Double.isFinite(v) ? Math.max(hi, v) : hi;
        }
      }
    }
    h.append("<p class=\"cap\" style=\"margin:0 0 8px\">Mean indoor air temperature against the ");
    h.append("comfort band (which follows occupancy); all panels share their axes.</p>\n");
    h.append("<div class=\"grid\">\n");
    for (ReportData.BuildingSeries b : d.buildings()) {
      SvgChart c = SvgChart.lines(b.id() + " \u00b7 " + b.name(), "\u00b0C", d.start(), d.step())
          .size(300, 180).band("comfort band", b.comfortLowC(), b.comfortHighC())
          .series("indoor", b.indoorC(), SvgChart.PALETTE[0]);
      if (lo <= hi) {
        c.yRange(lo, hi);
      }
      h.append("<figure class=\"card\">").append(c.render()).append("<figcaption>");
      h.append(bandCaption(b)).append("</figcaption></figure>\n");
    }
    h.append("</div></section>\n");
  }

  /** How often the building was outside its band, counted on the full-resolution series. */
  private static String bandCaption(ReportData.BuildingSeries b) {
    int valid = 0;
    int below = 0;
    int above = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < b.indoorC().length; i++) {
      double t = b.indoorC()[i];
      if (Double.isFinite(t)) {
        min = Math.min(min, t);
        valid++;
        below += t < b.comfortLowC()[i] - BAND_TOLERANCE_K ? 1 : 0;
        above += t > b.comfortHighC()[i] + BAND_TOLERANCE_K ? 1 : 0;
      }
    }
    if (valid == 0) {
      return "No indoor temperatures.";
    }
    return String.format(Locale.ROOT,
        "Below band %.1f%% of steps, above %.1f%%; lowest %.1f \u00b0C.",
        100.0 * below / valid, 100.0 * above / valid, min);
  }
}
