package org.heatgrid.forecast.metrics;

import java.util.Collection;

/**
 * Errors of a forecast over {@code n} scored steps (see {@link Metrics} for the formulas).
 *
 * @param cvrmse CV(RMSE), %
 * @param nmbe NMBE, % (positive: the forecast is too low on average)
 * @param mae mean absolute error, in the unit of the series (kW)
 * @param n number of scored steps (steps with a finite actual value)
 */
public record ErrorSummary(double cvrmse, double nmbe, double mae, int n) {

  /**
   * The mean over buildings, each building counting once whatever its number of steps (the
   * protocol's "mean of the per-building metrics"). Summaries with {@code n == 0} or a NaN metric
   * (no data, or mean actual zero) are left out; {@code n} of the result is the total of the
   * summaries used. All NaN with {@code n == 0} when none is usable.
   */
  public static ErrorSummary meanOf(Collection<ErrorSummary> perBuilding) {
    double c = 0;
    double b = 0;
    double m = 0;
    int used = 0;
    int total = 0;
    for (ErrorSummary s : perBuilding) {
      if (s.n > 0 && Double.isFinite(s.cvrmse) && Double.isFinite(s.nmbe) && Double.isFinite(s.mae)) {
        c += s.cvrmse;
        b += s.nmbe;
        m += s.mae;
        used++;
        total += s.n;
      }
    }
    if (used == 0) {
      return new ErrorSummary(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    return new ErrorSummary(c / used, b / used, m / used, total);
  }
}
