package org.heatgrid.sim.report;

import static org.heatgrid.sim.report.ChartScales.envelope;
import static org.heatgrid.sim.report.ChartScales.timeTicks;
import static org.heatgrid.sim.report.ChartScales.valueTicks;
import static org.heatgrid.sim.report.SvgText.esc;
import static org.heatgrid.sim.report.SvgText.num;
import static org.heatgrid.sim.report.SvgText.text;
import static org.heatgrid.sim.report.SvgText.value;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds one self-contained SVG chart as a string: a time-series line chart (named series and an
 * optional shaded band) or a stacked daily bar chart. No scripts and no external references, so
 * the page opens offline and prints as drawn.
 *
 * <p>Size matters more than precision: coordinates have one decimal, and a series longer than the
 * plot is wide is cut into buckets (at most one per plot unit and {@link #MAX_BUCKETS}) drawn as
 * the filled band between each bucket's minimum and maximum, so a single-step peak survives a
 * season. A bucket whose values are all NaN (or infinite) is a gap in the drawing; a lone NaN
 * among finite neighbours in its bucket vanishes with the resolution.
 *
 * <p>Text widths are estimated (no font metrics without a browser) at about 0.6 em per character.
 */
public final class SvgChart {

  /** Upper bound on x-buckets per series: a laptop screen is not much wider than this. */
  public static final int MAX_BUCKETS = 600;

  /** Distinct colours (Tableau 10), used in the order series are added. */
  static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"
  };

  static final String BAND_COLOUR = "#59a14f";
  private static final double CHAR_W = 0.6 * 11;
  private static final int TOP = 42;
  private static final int RIGHT = 16;
  private static final int BOTTOM = 22;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d", Locale.ROOT);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIP = DateTimeFormatter.ofPattern("EEE M/d", Locale.ROOT);

  private record Series(String name, double[] values, String colour) {}

  private final boolean bars;
  private final String title;
  private final String unit;
  private final LocalDateTime start;
  private final Duration step;
  private final List<Series> series = new ArrayList<>();
  private int width = 1100;
  private int height = 280;
  private String bandName;
  private double[] bandLow;
  private double[] bandHigh;
  private double[] fixed;
  private boolean includeZero;
  private int minLeft;

  // Layout of the current render: plot box, y domain and number of x positions.
  private double left;
  private double plotW;
  private double plotH;
  private double yLo;
  private double yHi;
  private int n;

  private SvgChart(boolean bars, String title, String unit, LocalDateTime start, Duration step) {
    this.bars = bars;
    this.title = title;
    this.unit = unit;
    this.start = start;
    this.step = step;
  }

  /** A line chart of series whose value {@code i} is at {@code start + i * step}. */
  public static SvgChart lines(String title, String unit, LocalDateTime start, Duration step) {
    return new SvgChart(false, title, unit, start, step);
  }

  /** A stacked bar chart, one bar per day from {@code firstDay}; series stack bottom-up. */
  public static SvgChart dailyBars(String title, String unit, LocalDate firstDay) {
    SvgChart c = new SvgChart(true, title, unit, firstDay.atStartOfDay(), Duration.ofDays(1));
    return c.includeZero();
  }

  /** Size of the drawing in SVG units; the page scales it to its box. */
  public SvgChart size(int width, int height) {
    this.width = width;
    this.height = height;
    return this;
  }

  /** Adds a series in the next palette colour. */
  public SvgChart series(String name, double[] values) {
    return series(name, values, PALETTE[series.size() % PALETTE.length]);
  }

  /** Adds a series in the given CSS colour. */
  public SvgChart series(String name, double[] values, String colour) {
    series.add(new Series(name, values, colour));
    return this;
  }

  /** A shaded band from {@code low} to {@code high} under the lines (line charts only). */
  public SvgChart band(String name, double[] low, double[] high) {
    if (low.length != high.length) {
      throw new IllegalArgumentException("band edges differ in length");
    }
    bandName = name;
    bandLow = low;
    bandHigh = high;
    return this;
  }

  /** Fixes the y range (before rounding out to ticks), e.g. to share it across small multiples. */
  public SvgChart yRange(double lo, double hi) {
    fixed = new double[] {lo, hi};
    return this;
  }

  /** Reserves at least this width for y labels, so that stacked charts share their x axis. */
  public SvgChart minYAxisWidth(int units) {
    minLeft = units;
    return this;
  }

  /** Makes the y axis reach zero (rates, costs). */
  public SvgChart includeZero() {
    includeZero = true;
    return this;
  }

  /** The chart as an {@code <svg>} element. */
  public String render() {
    n = 0;
    series.forEach(s -> n = Math.max(n, s.values().length));
    if (bandLow != null && !bars) {
      n = Math.max(n, bandLow.length);
    }
    double[] range = fixed != null ? fixed : bars ? stackedRange() : dataRange();
    ChartScales.Ticks yt = null;
    int chars = unit.length();
    if (range != null) {
      double lo = includeZero ? Math.min(range[0], 0) : range[0];
      double hi = includeZero ? Math.max(range[1], 0) : range[1];
      yt = valueTicks(lo, hi, height / 34 + 1);
      yLo = yt.values()[0];
      yHi = yt.values()[yt.values().length - 1];
      for (String l : yt.labels()) {
        chars = Math.max(chars, l.length());
      }
    }
    left = Math.max(minLeft, Math.ceil(chars * CHAR_W) + 12); // the widest y label, no more
    plotW = width - left - RIGHT;
    plotH = height - BOTTOM - TOP;
    StringBuilder sb = new StringBuilder(24_000);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ');
    sb.append(height).append("\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,");
    sb.append("'Noto Sans',Arial,sans-serif\" font-size=\"11\" role=\"img\"><title>");
    sb.append(esc(title)).append("</title>\n");
    String shown = title.length() * CHAR_W * 1.3 > width ? clip(title, width) : title;
    text(sb, 1, 15, "start", "font-size=\"14\" font-weight=\"600\" fill=\"#222\"", shown);
    legend(sb, shown);
    text(sb, left - 6, TOP - 10, "end", "fill=\"#666\"", unit);
    if (yt != null) {
      for (int k = 0; k < yt.values().length; k++) {
        double y = y(yt.values()[k]);
        sb.append("<path stroke=\"").append(yt.values()[k] == 0 ? "#bbb" : "#e8e8e8");
        sb.append("\" d=\"M");
        num(sb, left).append(' ');
        num(sb, y).append('h');
        num(sb, plotW).append("\"/>");
        text(sb, left - 6, y + 4, "end", "fill=\"#555\"", yt.labels()[k]);
      }
    }
    if (n > 0) {
      timeAxis(sb);
    }
    if (yt == null || n == 0) {
      text(sb, left + plotW / 2, TOP + plotH / 2, "middle", "fill=\"#999\"", "no data");
    } else if (bars) {
      barMarks(sb);
    } else {
      if (bandLow != null) {
        bandMarks(sb);
      }
      for (Series s : series) {
        lineMarks(sb, s);
      }
    }
    return sb.append("</svg>").toString();
  }

  /** x of (fractional) step or day index; bars put index {@code i} at the centre of its slot. */
  private double x(double i) {
    if (bars) {
      return left + (i + 0.5) * plotW / n;
    }
    return left + (n > 1 ? i * plotW / (n - 1) : plotW / 2);
  }

  private double y(double v) {
    double f = (v - yLo) / (yHi - yLo);
    return TOP + plotH * (1 - Math.max(-0.02, Math.min(1.02, f)));
  }

  private double[] dataRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    List<double[]> all = new ArrayList<>();
    series.forEach(s -> all.add(s.values()));
    if (bandLow != null) {
      all.addAll(List.of(bandLow, bandHigh));
    }
    for (double[] a : all) {
      for (double v : a) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }

  private double[] stackedRange() {
    double lo = 0;
    double hi = 0;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      double up = 0;
      double down = 0;
      for (Series s : series) {
        double v = i < s.values().length ? s.values()[i] : Double.NaN;
        any |= Double.isFinite(v);
        up += Double.isFinite(v) && v > 0 ? v : 0;
        down += Double.isFinite(v) && v < 0 ? v : 0;
      }
      lo = Math.min(lo, down);
      hi = Math.max(hi, up);
    }
    return any ? new double[] {lo, hi} : null;
  }

  /** On the title's row, right-aligned, if it fits there; else on its own row above the plot. */
  private void legend(StringBuilder sb, String shownTitle) {
    List<String> names = new ArrayList<>();
    if (bandLow != null && !bars) {
      names.add(bandName);
    }
    series.forEach(s -> names.add(s.name()));
    double w = 0;
    for (String name : names) {
      w += 32 + name.length() * CHAR_W;
    }
    boolean titleRow = shownTitle.length() * CHAR_W * 1.3 + 24 + w <= width - RIGHT;
    double x = titleRow ? width - RIGHT - w + 14 : left;
    double y = titleRow ? 15 : TOP - 10;
    for (int k = 0; k < names.size(); k++) {
      boolean band = k == 0 && bandLow != null && !bars;
      String colour = band ? BAND_COLOUR : series.get(k - (names.size() - series.size())).colour();
      boolean box = band || bars;
      swatch(sb, x, box ? y - 8 : y - 5, box ? 9 : 3, colour, band ? " fill-opacity=\".25\"" : "");
      text(sb, x + 18, y, "start", "fill=\"#444\"", names.get(k));
      x += 32 + names.get(k).length() * CHAR_W;
    }
  }

  private static void swatch(StringBuilder sb, double x, double y, int h, String c, String more) {
    sb.append("<rect x=\"");
    num(sb, x).append("\" y=\"");
    num(sb, y).append("\" width=\"14\" height=\"").append(h).append("\" fill=\"").append(c);
    sb.append('"').append(more).append("/>");
  }

  /** Date ticks at midnights, the 1st and 15th, or month starts: whatever fits ~70 units apart. */
  private void timeAxis(StringBuilder sb) {
    LocalDateTime end = start.plus(step.multipliedBy(n - 1));
    double stepSeconds = step.getSeconds() + step.getNano() / 1e9;
    double bottom = TOP + plotH;
    sb.append("<path stroke=\"#999\" d=\"M");
    num(sb, left).append(' ');
    num(sb, bottom).append('h');
    num(sb, plotW).append("\"/>");
    boolean first = true;
    for (LocalDateTime t : timeTicks(start, end, (int) (plotW / 70) + 1, bars)) {
      double x = x(Duration.between(start, t).getSeconds() / stepSeconds);
      sb.append("<path stroke=\"#eee\" d=\"M");
      num(sb, x).append(' ');
      num(sb, TOP).append('V');
      num(sb, bottom).append("\"/><path stroke=\"#999\" d=\"M");
      num(sb, x).append(' ');
      num(sb, bottom).append("v4\"/>");
      boolean midnight = t.toLocalTime().toSecondOfDay() == 0;
      String label = midnight ? DAY.format(t) : HOUR.format(t);
      label = !midnight && first ? DAY.format(t) + " " + label : label; // no tick may name the day
      first = false;
      double half = label.length() * CHAR_W / 2; // keep the label inside the drawing
      String anchor = x - half < 0 ? "start" : x + half > width ? "end" : "middle";
      double at = x - half < 0 ? 1 : x + half > width ? width - 1 : x;
      text(sb, at, bottom + 15, anchor, "fill=\"#555\"", label);
    }
  }


  /**
   * Steps per bucket: enough for at most one bucket per plot unit and {@link #MAX_BUCKETS}, then
   * rounded up to a divisor or multiple of a day if steps divide a day, so every day is cut alike:
   * a daily cycle cut into 3.97 buckets a day would beat against them and draw moire waves.
   */
  private int bucketSteps(int len) {
    int min = (int) Math.ceil(len / Math.min(MAX_BUCKETS, Math.max(1, plotW)));
    long day = Duration.ofDays(1).toNanos();
    long perDay = day % step.toNanos() == 0 ? day / step.toNanos() : 0;
    for (int d = Math.max(1, min); d <= perDay; d++) {
      if (perDay % d == 0) {
        return d;
      }
    }
    if (perDay > 0 && min > perDay) {
      return (int) ((min + perDay - 1) / perDay * perDay);
    }
    return Math.max(1, min);
  }

  /**
   * A series with one step per bucket is a line through its points. A longer one is the filled
   * envelope of its buckets, outlined so that a flat stretch still shows as a line.
   */
  private void lineMarks(StringBuilder sb, Series s) {
    double[] v = s.values();
    int size = bucketSteps(v.length);
    boolean dense = size > 1;
    sb.append("<path fill=\"").append(dense ? s.colour() + "\" fill-opacity=\".45" : "none");
    sb.append("\" stroke=\"").append(s.colour()).append("\" stroke-width=\"");
    sb.append(dense ? "1" : "1.4").append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
    sb.append(" data-name=\"").append(esc(s.name())).append("\" d=\"");
    if (dense) {
      area(sb, envelope(v, v, size));
    } else {
      int run = 0;
      for (int i = 0; i <= v.length; i++) {
        if (i == v.length || !Double.isFinite(v[i])) {
          sb.append(run == 1 ? "h0" : ""); // a lone point between gaps: a round dot
          run = 0;
          continue;
        }
        sb.append(run++ == 0 ? "M" : " ");
        num(sb, x(i)).append(' ');
        num(sb, y(v[i]));
      }
    }
    sb.append("\"/>\n");
  }

  /** The band's envelope per bucket (lowest low, highest high): conservative when it changes. */
  private void bandMarks(StringBuilder sb) {
    sb.append("<path fill=\"").append(BAND_COLOUR).append("\" fill-opacity=\".22\" d=\"");
    area(sb, envelope(bandLow, bandHigh, bucketSteps(bandLow.length)));
    sb.append("\"/>\n");
  }

  /** One closed polygon per run of buckets without a gap: upper edge forth, lower edge back. */
  private void area(StringBuilder sb, double[][] env) {
    int first = 0;
    for (int j = 0; j <= env.length; j++) {
      if (j < env.length && !Double.isNaN(env[j][1]) && !Double.isNaN(env[j][2])) {
        continue;
      }
      for (int k = first; k < j; k++) {
        sb.append(k == first ? "M" : " ");
        num(sb, x(env[k][0])).append(' ');
        num(sb, y(env[k][2]));
      }
      for (int k = j - 1; k >= first; k--) {
        sb.append(' ');
        num(sb, x(env[k][0])).append(' ');
        num(sb, y(env[k][1]));
      }
      sb.append(j > first ? "Z" : "");
      first = j + 1;
    }
  }

  private void barMarks(StringBuilder sb) {
    double slot = plotW / n;
    double w = slot > 3 ? slot * 0.8 : slot;
    for (int i = 0; i < n; i++) {
      StringBuilder tip = new StringBuilder();
      StringBuilder rects = new StringBuilder();
      double up = 0;
      double down = 0;
      double total = 0;
      for (Series s : series) {
        double v = i < s.values().length ? s.values()[i] : Double.NaN;
        if (!Double.isFinite(v)) {
          continue;
        }
        double base = v >= 0 ? up : down;
        double y0 = y(base);
        double y1 = y(base + v);
        up += v >= 0 ? v : 0;
        down += v < 0 ? v : 0;
        total += v;
        tip.append(tip.length() == 0 ? "" : "; ").append(s.name()).append(' ').append(value(v));
        rects.append("<rect x=\"");
        num(rects, x(i) - w / 2).append("\" y=\"");
        num(rects, Math.min(y0, y1)).append("\" width=\"");
        num(rects, w).append("\" height=\"");
        num(rects, Math.abs(y1 - y0)).append("\" fill=\"").append(s.colour()).append("\"/>");
      }
      if (rects.length() > 0) {
        String day = TIP.format(start.plusDays(i));
        sb.append("<g><title>").append(esc(day + ": " + value(total) + " " + unit + " (" + tip));
        sb.append(")</title>").append(rects).append("</g>\n");
      }
    }
  }

  private static String clip(String s, int width) {
    int keep = Math.max(1, (int) (width / (CHAR_W * 1.3)) - 1);
    return s.length() <= keep ? s : s.substring(0, keep) + "\u2026";
  }
}
