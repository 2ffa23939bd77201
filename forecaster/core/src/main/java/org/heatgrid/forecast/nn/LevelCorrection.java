package org.heatgrid.forecast.nn;

import org.heatgrid.forecast.model.ForecastInput;

/**
 * Corrects a building's forecast level with the model's own recent errors: the forecasts it
 * would have issued at the same time of day on each of the last {@code days} days are compared
 * with what was metered, and the new forecast is scaled by {@code 1 + 0.75 (actual/forecast - 1)},
 * kept within 0.7-1.3. A level shift that the training years did not show (a building back in
 * full use, a new tenant) is then followed within days. Uses only heat before the issue.
 */
final class LevelCorrection {

  static final double SHRINK = 0.75;
  static final double MIN = 0.7;
  static final double MAX = 1.3;

  private final int days;
  private final int stepsPerDay;

  LevelCorrection(int days, int stepsPerDay) {
    this.days = days;
    this.stepsPerDay = stepsPerDay;
  }

  /** The issue itself, then the same time of day on each earlier day with a week of history. */
  int[] issues(int issue) {
    int n = 1;
    while (n <= days && issue - n * stepsPerDay - 7 * stepsPerDay >= 0) {
      n++;
    }
    int[] out = new int[n];
    for (int j = 0; j < n; j++) {
      out[j] = issue - j * stepsPerDay;
    }
    return out;
  }

  /**
   * The factor for one building.
   *
   * @param past past[j - 1] is the forecast issued at {@code issues[j]}, kW
   */
  double factor(ForecastInput in, int b, int[] issues, double[][] past) {
    double actual = 0;
    double forecast = 0;
    for (int j = 1; j < issues.length; j++) {
      // Only the steps of each past forecast that lie before the current issue are known.
      int known = Math.min(past[j - 1].length, in.issue() - issues[j]);
      for (int k = 0; k < known; k++) {
        double y = in.heatKw(b, issues[j] + k);
        if (Double.isFinite(y)) {
          actual += y;
          forecast += past[j - 1][k];
        }
      }
    }
    if (!(forecast > 1e-9) || issues.length < 2) {
      return 1;
    }
    return Math.max(MIN, Math.min(MAX, 1 + SHRINK * (actual / forecast - 1)));
  }
}
