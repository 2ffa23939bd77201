package org.heatgrid.forecast.baseline;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Least squares for {@code y = alpha[group] + x . beta}: one intercept per group (the time-of-week
 * indicators of TOWT and ARX) plus shared slopes.
 *
 * <p>The indicators are partialled out (Frisch-Waugh-Lovell): {@code beta} is fitted by QR on
 * {@code x} and {@code y} minus their group means, then {@code alpha[g] = mean_g(y) - mean_g(x) .
 * beta}. This is exactly the OLS solution with the 168 (or 672) indicator columns, but solves a
 * d x d problem instead of a (168 + d)-column one.
 *
 * <p>Degenerate designs: when the demeaned design is rank-deficient (a temperature segment never
 * seen in training, a lag constant within every group, fewer rows than columns) the QR solve is
 * replaced by ridge regression {@code (X'X + lambda I) beta = X'y} with {@code lambda = 1e-6 *
 * trace(X'X)/d + 1e-12}: negligible shrinkage of the identified slopes, zero for the unidentified
 * ones. A group without training rows gets {@link Fit#otherAlpha}, the mean residual of all rows.
 */
final class GroupedLeastSquares {

  private GroupedLeastSquares() {}

  /**
   * @param alpha intercept per group (NaN for a group without rows)
   * @param beta slopes
   * @param otherAlpha intercept for a group without rows
   * @param ridge whether the ridge fallback was used
   */
  record Fit(double[] alpha, double[] beta, double otherAlpha, boolean ridge) {

    double predict(int group, double[] x) {
      double a = group >= 0 && group < alpha.length && !Double.isNaN(alpha[group]) ? alpha[group] : otherAlpha;
      double y = a;
      for (int j = 0; j < beta.length; j++) {
        y += beta[j] * x[j];
      }
      return y;
    }
  }

  /**
   * @param groups number of groups
   * @param group group of each row, {@code 0 .. groups-1}
   * @param x regressors of each row ({@code n} rows of equal length)
   * @param y target of each row
   * @param n number of rows used (the arrays may be longer)
   */
  static Fit fit(int groups, int[] group, double[][] x, double[] y, int n) {
    if (n == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    int d = x[0].length;
    int[] count = new int[groups];
    double[] meanY = new double[groups];
    double[][] meanX = new double[groups][d];
    for (int i = 0; i < n; i++) {
      int g = group[i];
      count[g]++;
      meanY[g] += y[i];
      for (int j = 0; j < d; j++) {
        meanX[g][j] += x[i][j];
      }
    }
    for (int g = 0; g < groups; g++) {
      if (count[g] > 0) {
        meanY[g] /= count[g];
        for (int j = 0; j < d; j++) {
          meanX[g][j] /= count[g];
        }
      }
    }
    double[][] xd = new double[n][d];
    double[] yd = new double[n];
    for (int i = 0; i < n; i++) {
      int g = group[i];
      yd[i] = y[i] - meanY[g];
      for (int j = 0; j < d; j++) {
        xd[i][j] = x[i][j] - meanX[g][j];
      }
    }
    double[] beta = d == 0 ? new double[0] : qr(xd, yd, n, d);
    boolean ridge = beta == null;
    if (ridge) {
      beta = ridge(xd, yd, n, d);
    }
    double[] alpha = new double[groups];
    for (int g = 0; g < groups; g++) {
      alpha[g] = count[g] == 0 ? Double.NaN : meanY[g] - dot(meanX[g], beta);
    }
    double other = 0;
    for (int i = 0; i < n; i++) {
      other += y[i] - dot(x[i], beta);
    }
    return new Fit(alpha, beta, other / n, ridge);
  }

  /** Least-squares slopes by Householder QR, or null when the design is (nearly) singular. */
  private static double[] qr(double[][] xd, double[] yd, int n, int d) {
    if (n <= d) {
      return null;
    }
    double maxNorm = 0;
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += xd[i][j] * xd[i][j];
      }
      maxNorm = Math.max(maxNorm, Math.sqrt(s));
    }
    if (maxNorm == 0) {
      return null;
    }
    RealMatrix m = new Array2DRowRealMatrix(xd, false);
    DecompositionSolver solver = new QRDecomposition(m, 1e-10 * maxNorm).getSolver();
    if (!solver.isNonSingular()) {
      return null;
    }
    double[] beta = solver.solve(new ArrayRealVector(yd, false)).toArray();
    for (double v : beta) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return beta;
  }

  private static double[] ridge(double[][] xd, double[] yd, int n, int d) {
    double[][] a = new double[d][d];
    double[] b = new double[d];
    for (int i = 0; i < n; i++) {
      double[] r = xd[i];
      for (int j = 0; j < d; j++) {
        b[j] += r[j] * yd[i];
        for (int l = j; l < d; l++) {
          a[j][l] += r[j] * r[l];
        }
      }
    }
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += a[j][j];
      for (int l = 0; l < j; l++) {
        a[j][l] = a[l][j];
      }
    }
    if (trace == 0) {
      return new double[d]; // every regressor constant within its group: nothing to learn
    }
    double lambda = 1e-6 * trace / d + 1e-12;
    for (int j = 0; j < d; j++) {
      a[j][j] += lambda;
    }
    // lambda > 0 makes the matrix positive definite: no pivot is zero, so no threshold is needed.
    return new LUDecomposition(new Array2DRowRealMatrix(a, false), 0.0).getSolver()
        .solve(new ArrayRealVector(b, false)).toArray();
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < b.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
