package org.heatgrid.forecast.baseline;

/**
 * The piecewise-linear outdoor-temperature term of TOWT (Mathieu et al. 2011): fixed change points
 * at 0, 5, 10, 15 and 20 C split the temperature into 6 components, one slope each, so the fitted
 * response is continuous and can bend where heating starts (typically 12..18 C):
 *
 * <pre>
 *   c0 = min(T, 0)
 *   cj = clamp(T - K(j-1), 0, Kj - K(j-1))   for j = 1..4   (K = 0, 5, 10, 15, 20)
 *   c5 = max(T - 20, 0)
 * </pre>
 * The components add up to T. A segment with no training temperature gets a zero column and, by
 * the ridge fallback of {@link GroupedLeastSquares}, a zero slope: flat beyond the seen range.
 */
final class TemperatureSegments {

  static final double[] KNOTS = {0, 5, 10, 15, 20};

  /** Number of components (slopes). */
  static final int COUNT = KNOTS.length + 1;

  private TemperatureSegments() {}

  /** Writes the {@link #COUNT} components of {@code t} to {@code out[offset..]}. */
  static void components(double t, double[] out, int offset) {
    out[offset] = Math.min(t, KNOTS[0]);
    for (int j = 1; j < KNOTS.length; j++) {
      out[offset + j] = Math.max(0, Math.min(t - KNOTS[j - 1], KNOTS[j] - KNOTS[j - 1]));
    }
    out[offset + KNOTS.length] = Math.max(t - KNOTS[KNOTS.length - 1], 0);
  }
}
