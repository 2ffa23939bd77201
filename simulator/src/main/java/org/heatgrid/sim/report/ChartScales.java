package org.heatgrid.sim.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks and the bucketing of long series: the arithmetic of {@link SvgChart}, without drawing. */
final class ChartScales {

  private ChartScales() {}

  /**
   * Tick times in [t0, t1], at most {@code max} (none if nothing fits): the first spacing that
   * fits of whole hours (unless {@code datesOnly}), days, weeks, the 1st and 15th, or months
   * counted from January, so that ticks fall on round dates rather than on the run's start.
   */
  static List<LocalDateTime> timeTicks(
      LocalDateTime t0, LocalDateTime t1, int max, boolean datesOnly) {
    List<LocalDateTime> ticks = new ArrayList<>();
    for (int h : datesOnly ? new int[0] : new int[] {1, 2, 3, 6, 12}) {
      ticks.clear();
      LocalDateTime t = t0.withMinute(0).withSecond(0).withNano(0);
      t = t.isBefore(t0) ? t.plusHours(1) : t;
      for (; !t.isAfter(t1) && ticks.size() <= max; t = t.plusHours(1)) {
        if (t.getHour() % h == 0) {
          ticks.add(t);
        }
      }
      if (ticks.size() <= max) {
        return ticks;
      }
    }
    LocalDateTime d0 = t0.toLocalDate().atStartOfDay();
    d0 = d0.isBefore(t0) ? d0.plusDays(1) : d0;
    for (int d : new int[] {1, 2, 7, 15, 31, 62, 92, 183, 366}) {
      ticks.clear();
      for (LocalDateTime t = d0; !t.isAfter(t1) && ticks.size() <= max; t = t.plusDays(1)) {
        int dom = t.getDayOfMonth();
        int months = d / 30; // 31: every month, 62: every 2nd, ... aligned on January
        boolean on = d < 15 ? Duration.between(d0, t).toDays() % d == 0
            : d == 15 ? dom == 1 || dom == 15 : dom == 1 && (t.getMonthValue() - 1) % months == 0;
        if (on) {
          ticks.add(t);
        }
      }
      if (ticks.size() <= max) {
        return ticks;
      }
    }
    return List.of();
  }

  /** Nice y ticks (1, 2 or 5 times a power of ten) covering [lo, hi], and their labels. */
  record Ticks(double[] values, String[] labels) {}

  static Ticks valueTicks(double lo, double hi, int max) {
    if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(hi)))) {
      double pad = Math.max(1, Math.abs(hi) * 0.05);
      lo -= pad;
      hi += pad;
    }
    double raw = (hi - lo) / Math.max(1, max - 1);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double r = raw / mag;
    double st = mag * (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10);
    long a = (long) Math.floor(lo / st + 1e-9);
    long b = (long) Math.ceil(hi / st - 1e-9);
    double top = Math.max(Math.abs(a * st), Math.abs(b * st));
    double div = top >= 1e6 && st >= 1e5 ? 1e6 : top >= 1e4 && st >= 1e3 ? 1e3 : 1;
    String suffix = div == 1e6 ? "M" : div == 1e3 ? "k" : "";
    int decimals = (int) Math.max(0, -Math.floor(Math.log10(st / div) + 1e-9));
    String f = "%," + "." + decimals + "f" + suffix;
    double[] v = new double[(int) (b - a + 1)];
    String[] l = new String[v.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = (a + k) * st;
      l[k] = v[k] == 0 ? "0" : String.format(Locale.ROOT, f, v[k] / div).replace("-", "\u2212");
    }
    return new Ticks(v, l);
  }

  /**
   * Cuts the steps into buckets of {@code size} consecutive steps (the last may be shorter) and
   * returns, per bucket, {centre index, lowest finite {@code lo}, highest finite {@code hi}}; NaN
   * where the bucket has none (a gap).
   */
  static double[][] envelope(double[] lo, double[] hi, int size) {
    int n = lo.length;
    double[][] out = new double[(n + size - 1) / size][];
    for (int j = 0; j < out.length; j++) {
      int from = j * size;
      int to = Math.min(n, from + size);
      double min = Double.NaN;
      double max = Double.NaN;
      for (int i = from; i < to; i++) {
        min = Double.isFinite(lo[i]) && !(lo[i] >= min) ? lo[i] : min; // !(x >= NaN) holds
        max = Double.isFinite(hi[i]) && !(hi[i] <= max) ? hi[i] : max;
      }
      out[j] = new double[] {(from + to - 1) / 2.0, min, max};
    }
    return out;
  }
}
