package org.heatgrid.sim.plant;

/** Gaussian elimination with partial pivoting for the small dense systems of a building. */
final class LinearSystem {

  private LinearSystem() {}

  /** Solves {@code a x = b} in place: {@code b} receives {@code x}; {@code a} is destroyed. */
  static void solveInPlace(double[][] a, double[] b) {
    int n = b.length;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (a[pivot][col] == 0) {
        throw new ArithmeticException("singular thermal network matrix");
      }
      if (pivot != col) {
        double[] rowTmp = a[pivot];
        a[pivot] = a[col];
        a[col] = rowTmp;
        double bTmp = b[pivot];
        b[pivot] = b[col];
        b[col] = bTmp;
      }
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        if (f != 0) {
          for (int c = col; c < n; c++) {
            a[r][c] -= f * a[col][c];
          }
          b[r] -= f * b[col];
        }
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < n; c++) {
        s -= a[r][c] * b[c];
      }
      b[r] = s / a[r][r];
    }
  }
}
