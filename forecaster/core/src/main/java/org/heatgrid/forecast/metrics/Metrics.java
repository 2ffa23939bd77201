package org.heatgrid.forecast.metrics;

/**
 * Forecast errors over the pairs whose actual value is finite; a NaN actual (missing reading) is
 * not scored. A prediction must be finite wherever the actual is (the forecaster contract), so a
 * NaN prediction there is a bug and throws rather than being skipped.
 *
 * <pre>
 *   RMSE      = sqrt( sum (a - p)^2 / n )
 *   CV(RMSE)  = 100 * RMSE / mean(a)                       %
 *   NMBE      = 100 * sum (a - p) / (n * mean(a))           %   (ASHRAE Guideline 14 sign: a - p)
 *   MAE       = sum |a - p| / n
 * </pre>
 * CV(RMSE) and NMBE are NaN when no pair is scored or mean(a) is zero (a building with heating off
 * all test period): a percentage of nothing is undefined, and NaN keeps it out of averages.
 */
public final class Metrics {

  private Metrics() {}

  public static double rmse(double[] actual, double[] predicted) {
    Sums s = sums(actual, predicted);
    return s.n == 0 ? Double.NaN : Math.sqrt(s.squared / s.n);
  }

  public static double cvrmse(double[] actual, double[] predicted) {
    return summary(actual, predicted).cvrmse();
  }

  public static double nmbe(double[] actual, double[] predicted) {
    return summary(actual, predicted).nmbe();
  }

  public static double mae(double[] actual, double[] predicted) {
    return summary(actual, predicted).mae();
  }

  /** All three measures and the number of scored pairs. */
  public static ErrorSummary summary(double[] actual, double[] predicted) {
    Sums s = sums(actual, predicted);
    if (s.n == 0) {
      return new ErrorSummary(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = s.actual / s.n;
    double mae = s.absolute / s.n;
    if (mean == 0) {
      return new ErrorSummary(Double.NaN, Double.NaN, mae, s.n);
    }
    double rmse = Math.sqrt(s.squared / s.n);
    return new ErrorSummary(100 * rmse / mean, 100 * s.bias / (s.n * mean), mae, s.n);
  }

  private record Sums(int n, double actual, double squared, double bias, double absolute) {}

  private static Sums sums(double[] actual, double[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "actual and predicted differ in length: " + actual.length + " and " + predicted.length);
    }
    int n = 0;
    double sa = 0;
    double sq = 0;
    double sb = 0;
    double sabs = 0;
    for (int i = 0; i < actual.length; i++) {
      double a = actual[i];
      if (!Double.isFinite(a)) {
        continue;
      }
      double p = predicted[i];
      if (!Double.isFinite(p)) {
        throw new IllegalArgumentException("prediction " + p + " at index " + i
            + " where the actual value is " + a + "; forecasts must be finite");
      }
      double e = a - p;
      n++;
      sa += a;
      sq += e * e;
      sb += e;
      sabs += Math.abs(e);
    }
    return new Sums(n, sa, sq, sb, sabs);
  }
}
