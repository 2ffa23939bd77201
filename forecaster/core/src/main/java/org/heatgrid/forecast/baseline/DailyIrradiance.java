package org.heatgrid.forecast.baseline;

import java.util.function.IntToDoubleFunction;

/**
 * The irradiance regressor of {@link TowtSolar}: the mean global horizontal irradiance of the day
 * that ends at a step (the step and the {@code day - 1} before it). A day's sun warms the building
 * through its windows and its walls and is paid back over the following hours, so the day's mean
 * describes the avoided heat better than the hour's irradiance does (which is zero at night when
 * the stored gain is still being released). Defined when at least half of that day's steps have a
 * reading; else NaN.
 */
final class DailyIrradiance {

  private DailyIrradiance() {}

  /** The regressor at step {@code k}, reading irradiance through {@code ghi} (NaN where missing). */
  static double at(IntToDoubleFunction ghi, int k, int day) {
    double sum = 0;
    int count = 0;
    for (int j = Math.max(0, k - day + 1); j <= k; j++) {
      double g = ghi.applyAsDouble(j);
      if (Double.isFinite(g)) {
        sum += g;
        count++;
      }
    }
    return 2 * count >= day ? sum / count : Double.NaN;
  }

  /** The regressor at each step of {@code [from, to)} of a series, indexed from {@code from}. */
  static double[] trailing(double[] ghi, int from, int to, int day) {
    double[] out = new double[to - from];
    for (int k = from; k < to; k++) {
      out[k - from] = at(j -> ghi[j], k, day);
    }
    return out;
  }
}
