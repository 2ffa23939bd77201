package org.heatgrid.forecast.baseline;

/**
 * Past heat as the day-ahead forecasters see it: only steps before the issue are known. Training
 * uses the same functions with the issue set to the local midnight of each target's day, so a
 * regressor means the same thing in fitting and in forecasting.
 */
final class Lags {

  /** Heat at step {@code j} (NaN when missing or {@code j < 0}); callers ask only {@code j < issue}. */
  @FunctionalInterface
  interface Heat {
    double at(int j);
  }

  private Lags() {}

  /**
   * The step {@code period} before {@code k}, moved back by further periods until it is known at
   * the issue: same step yesterday for a day-ahead target, same step of the most recent known day
   * for a longer horizon (keeps the daily phase the coefficient was fitted on).
   */
  static int knownStep(int k, int issue, int period) {
    int j = k - period;
    while (j >= issue) {
      j -= period;
    }
    return j;
  }

  /** Heat at {@code j}; if missing, a week earlier; else {@code fallback}. */
  static double valueOrWeekBefore(Heat heat, int j, int week, double fallback) {
    double v = heat.at(j);
    if (Double.isFinite(v)) {
      return v;
    }
    v = heat.at(j - week);
    return Double.isFinite(v) ? v : fallback;
  }

  /**
   * Mean of the known heat in the {@code stepsPerDay} steps before the issue; if none is known, of
   * the same steps a week earlier; else {@code fallback}.
   */
  static double meanOfDayBefore(Heat heat, int issue, int stepsPerDay, int week, double fallback) {
    double m = meanOf(heat, issue - stepsPerDay, issue);
    if (Double.isNaN(m)) {
      m = meanOf(heat, issue - stepsPerDay - week, issue - week);
    }
    return Double.isNaN(m) ? fallback : m;
  }

  /** Mean of the finite values in {@code [from, to)}, NaN if none. */
  static double meanOf(Heat heat, int from, int to) {
    double s = 0;
    int n = 0;
    for (int j = from; j < to; j++) {
      double v = heat.at(j);
      if (Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** A heat array as a {@link Heat}: NaN outside the array. */
  static Heat of(double[] series) {
    return j -> j < 0 || j >= series.length ? Double.NaN : series[j];
  }
}
