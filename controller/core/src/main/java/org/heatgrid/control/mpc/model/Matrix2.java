package org.heatgrid.control.mpc.model;

/** The few 2 x 2 matrix operations the two-state model's discretisation needs. */
final class Matrix2 {

  private Matrix2() {}

  /**
   * {@code exp(F t)} for an F with real eigenvalues (an RC network's, which is similar to a
   * symmetric matrix), by Sylvester's formula; the repeated-eigenvalue limit where they meet.
   */
  static double[][] exp(double[][] f, double t) {
    double half = (f[0][0] + f[1][1]) / 2;
    double det = f[0][0] * f[1][1] - f[0][1] * f[1][0];
    double disc = Math.max(0, half * half - det);
    double root = Math.sqrt(disc);
    double l1 = half + root;
    double l2 = half - root;
    double c0;
    double c1;
    if (root * t < 1e-9) {
      // exp(Ft) = e^(l t) (I + (F - l I) t)
      double e = Math.exp(half * t);
      c0 = e * (1 - half * t);
      c1 = e * t;
    } else {
      double e1 = Math.exp(l1 * t);
      double e2 = Math.exp(l2 * t);
      c0 = (l1 * e2 - l2 * e1) / (l1 - l2);
      c1 = (e1 - e2) / (l1 - l2);
    }
    return new double[][] {
        {c0 + c1 * f[0][0], c1 * f[0][1]},
        {c1 * f[1][0], c0 + c1 * f[1][1]}};
  }

  static double[][] inverse(double[][] m) {
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    if (det == 0 || !Double.isFinite(det)) {
      throw new IllegalArgumentException("singular 2 x 2 matrix");
    }
    return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
  }

  static double[][] multiply(double[][] x, double[][] y) {
    return new double[][] {
        {x[0][0] * y[0][0] + x[0][1] * y[1][0], x[0][0] * y[0][1] + x[0][1] * y[1][1]},
        {x[1][0] * y[0][0] + x[1][1] * y[1][0], x[1][0] * y[0][1] + x[1][1] * y[1][1]}};
  }

  static double[][] minusIdentity(double[][] m) {
    return new double[][] {{m[0][0] - 1, m[0][1]}, {m[1][0], m[1][1] - 1}};
  }

  static double[] apply(double[][] m, double[] v) {
    return new double[] {m[0][0] * v[0] + m[0][1] * v[1], m[1][0] * v[0] + m[1][1] * v[1]};
  }
}
