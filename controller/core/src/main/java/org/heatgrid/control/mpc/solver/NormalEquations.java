package org.heatgrid.control.mpc.solver;

/**
 * Factors and solves the interior-point normal equations {@code A diag(d) A' x = r} of a
 * {@link QpForm} by its structure, in O(B*N^2 + N^3) per factorisation instead of O((B*N)^3).
 *
 * <p>Per building the dynamics rows form a tridiagonal SPD block M_b; a building meets the
 * cluster rows only through its heat u[b][k], so the coupling C_b between its dynamics row k and
 * cluster row k is diagonal. Eliminating the buildings leaves the N x N Schur complement
 * {@code S = S0 + d_P*11'} with {@code S0 = D_cluster - sum_b C_b M_b^-1 C_b}. The peak term
 * d_P grows without bound when the peak is strictly between its bounds, and S0 may then be
 * nearly singular (every step at the peak), so neither a direct Cholesky of S nor
 * Sherman-Morrison is accurate. Instead the cluster rows are recombined as row 0 and the
 * differences "row k - row 0": with that R, {@code R 1 = e0} and
 * {@code R S R' = R S0 R' + d_P e0 e0'}, so d_P lands on one pivot only.
 *
 * <p>Work arrays are allocated once per size; not thread-safe.
 */
final class NormalEquations {

  /** Pivots below this fraction of their diagonal are treated as zero directions. */
  private static final double PIVOT_TOLERANCE = 1e-15;
  /** Stand-in for a lost pivot: the direction is dropped instead of amplified. */
  private static final double HUGE_PIVOT = 1e64;
  /** Entries of M_b^-1 below this are flushed to zero: subnormal arithmetic is very slow. */
  private static final double TINY = 1e-250;

  private final QpForm form;
  private final int n;
  private final double[] pivotD;
  private final double[] lowerL;
  private final double[] coupling;
  /** Upper triangle of S without the peak term, then its Cholesky factor U (S = U'U). */
  private final double[] schur;
  private final double[] schurDiagonal;
  private final double[] inverseRow;
  private final double[] ysColumns;
  private final double[] diagonalE;
  private final double[] offE;
  private final double[] work;
  private int droppedPivots;

  NormalEquations(QpForm form) {
    this.form = form;
    this.n = form.steps;
    int bn = form.buildings * n;
    pivotD = new double[bn];
    lowerL = new double[bn];
    coupling = new double[bn];
    schur = new double[n * n];
    schurDiagonal = new double[n];
    inverseRow = new double[n + 1];
    ysColumns = new double[n];
    diagonalE = new double[n];
    offE = new double[n + 1];
    work = new double[form.rows];
  }

  /** Pivots dropped by the last factorisation (a sign of near-singularity). */
  int droppedPivots() {
    return droppedPivots;
  }

  /** Factors {@code A diag(d) A'}; {@code d} is H^-1, zero for fixed variables. */
  void factor(double[] d) {
    java.util.Arrays.fill(schur, 0.0);
    for (int k = 0; k < n; k++) {
      schur[k * n + k] = d[form.z(k)];
    }
    for (int b = 0; b < form.buildings; b++) {
      factorBuilding(b, d);
      addBuildingToSchur(b, d);
    }
    recombineClusterRows(d[form.peak()]);
    for (int k = 0; k < n; k++) {
      schurDiagonal[k] = schur[k * n + k];
    }
    choleskyInPlace();
  }

  /** S0 -> R S0 R' + d_P e0 e0' on the upper triangle, see the class comment. */
  private void recombineClusterRows(double peakWeight) {
    double s00 = schur[0];
    for (int i = 1; i < n; i++) {
      double ci = schur[i];
      int row = i * n;
      for (int j = i; j < n; j++) {
        schur[row + j] += s00 - ci - schur[j];
      }
    }
    for (int j = 1; j < n; j++) {
      schur[j] -= s00;
    }
    schur[0] = s00 + peakWeight;
  }

  /**
   * LDL' of the building's tridiagonal block M_b. The pivot is built from non-negative terms
   * only: d[k] = e[k] + (dy+ds)[k] with e[k] = g^2 du[k] + a^2 (dy+ds)[k-1] e[k-1] / d[k-1].
   */
  private void factorBuilding(int b, double[] d) {
    double a = form.a[b];
    double g = form.g[b];
    int base = b * n;
    double previousYs = 0;
    double previousExcess = 0;
    double previousPivot = 1;
    for (int k = 0; k < n; k++) {
      double du = d[form.u(b, k)];
      double ys = d[form.y(b, k)] + d[form.s(b, k)];
      double excess = g * g * du;
      if (k > 0) {
        excess += a * a * previousYs * (previousExcess / previousPivot);
        lowerL[base + k] = -a * previousYs / previousPivot;
      }
      double pivot = ys + excess;
      if (!(pivot > 0)) {
        pivot = Double.MIN_NORMAL;
      }
      pivotD[base + k] = pivot;
      coupling[base + k] = -g * du;
      previousYs = ys;
      previousExcess = excess;
      previousPivot = pivot;
    }
  }

  /**
   * Adds building b's share of S0, {@code diag(du) - C_b M_b^-1 C_b}, in the product form
   * {@code diag(du) Z E} (Z = M_b^-1, E = M_b - g^2 diag(du) from the y and s columns). The
   * subtraction form cancels catastrophically when heat is interior and the comfort bound is
   * active, the usual state at the optimum; the product form only cancels within E's scale.
   * Rows of Z come from the bottom up: with L' Z = D^-1 L^-1, Z[i][j] = -l[i+1] Z[i+1][j] for
   * j > i and Z[i][i] = 1/d[i] - l[i+1] Z[i][i+1].
   */
  private void addBuildingToSchur(int b, double[] d) {
    int base = b * n;
    double a = form.a[b];
    double[] z = inverseRow;
    // E = M_b - g^2 diag(du): diagonal ys[k] + a^2 ys[k-1], off-diagonal -a ys[k-1].
    for (int k = 0; k < n; k++) {
      ysColumns[k] = d[form.y(b, k)] + d[form.s(b, k)];
    }
    for (int k = 0; k < n; k++) {
      diagonalE[k] = ysColumns[k] + (k > 0 ? a * a * ysColumns[k - 1] : 0);
      offE[k] = k > 0 ? a * ysColumns[k - 1] : 0;
    }
    offE[n] = 0;
    z[n] = 0;
    int end = n;
    for (int i = n - 1; i >= 0; i--) {
      if (i == n - 1) {
        z[i] = 1 / pivotD[base + i];
      } else {
        double f = -lowerL[base + i + 1];
        for (int j = i + 1; j < end; j++) {
          double v = z[j] * f;
          z[j] = Math.abs(v) < TINY ? 0.0 : v;
        }
        while (end > i + 1 && z[end - 1] == 0.0) {
          end--;
        }
        z[i] = 1 / pivotD[base + i] + f * z[i + 1]; // entries at >= end are already 0
      }
      double du = d[form.u(b, i)];
      if (du == 0) {
        continue;
      }
      double left = i > 0 ? -lowerL[base + i] * z[i] : 0; // Z[i][i-1] = Z[i-1][i]
      int row = i * n;
      // z[j] is 0 for j >= end (flushed, and z[n] is a sentinel), so one formula fits all j.
      schur[row + i] += du * (z[i] * diagonalE[i] - left * offE[i] - z[i + 1] * offE[i + 1]);
      int last = Math.min(end, n - 1);
      for (int j = i + 1; j <= last; j++) {
        schur[row + j] += du * (z[j] * diagonalE[j] - z[j - 1] * offE[j] - z[j + 1] * offE[j + 1]);
      }
    }
  }

  /** Right-looking Cholesky S = U'U on the upper triangle, dropping lost pivots. */
  private void choleskyInPlace() {
    droppedPivots = 0;
    for (int k = 0; k < n; k++) {
      int rowK = k * n;
      double pivot = schur[rowK + k];
      if (!(pivot > PIVOT_TOLERANCE * Math.abs(schurDiagonal[k])) || !(pivot > 0)) {
        pivot = HUGE_PIVOT;
        droppedPivots++;
      }
      double r = Math.sqrt(pivot);
      schur[rowK + k] = r;
      double inv = 1 / r;
      for (int j = k + 1; j < n; j++) {
        schur[rowK + j] *= inv;
      }
      for (int i = k + 1; i < n; i++) {
        double uki = schur[rowK + i];
        if (uki == 0) {
          continue;
        }
        int rowI = i * n;
        for (int j = i; j < n; j++) {
          schur[rowI + j] -= uki * schur[rowK + j];
        }
      }
    }
  }

  /** out = (U'U)^-1 r; {@code out} may be {@code r}. */
  private void solveSchur(double[] r, double[] out) {
    if (out != r) {
      System.arraycopy(r, 0, out, 0, n);
    }
    for (int k = 0; k < n; k++) {
      int row = k * n;
      double v = out[k] / schur[row + k];
      out[k] = v;
      for (int j = k + 1; j < n; j++) {
        out[j] -= schur[row + j] * v;
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      int row = k * n;
      double v = out[k];
      for (int j = k + 1; j < n; j++) {
        v -= schur[row + j] * out[j];
      }
      out[k] = v / schur[row + k];
    }
  }

  /** x = M_b^-1 x in place, over rows [base, base+n). */
  private void solveBuilding(int base, double[] x) {
    for (int k = 1; k < n; k++) {
      x[base + k] -= lowerL[base + k] * x[base + k - 1];
    }
    for (int k = 0; k < n; k++) {
      x[base + k] /= pivotD[base + k];
    }
    for (int k = n - 2; k >= 0; k--) {
      x[base + k] -= lowerL[base + k + 1] * x[base + k + 1];
    }
  }

  /** out = (A diag(d) A')^-1 r with the last factorisation; {@code out} may not be {@code r}. */
  void solve(double[] r, double[] out) {
    int bn = form.buildings * n;
    System.arraycopy(r, 0, work, 0, form.rows);
    for (int b = 0; b < form.buildings; b++) {
      solveBuilding(b * n, work);
    }
    double[] cluster = inverseRow;
    for (int k = 0; k < n; k++) {
      double v = r[bn + k];
      for (int b = 0; b < form.buildings; b++) {
        v -= coupling[b * n + k] * work[b * n + k];
      }
      cluster[k] = v;
    }
    // Solve R S R' mu = R r, then lambda = R' mu.
    for (int k = 1; k < n; k++) {
      cluster[k] -= cluster[0];
    }
    solveSchur(cluster, cluster);
    for (int k = 1; k < n; k++) {
      cluster[0] -= cluster[k];
    }
    for (int k = 0; k < n; k++) {
      out[bn + k] = cluster[k];
    }
    for (int b = 0; b < form.buildings; b++) {
      int base = b * n;
      for (int k = 0; k < n; k++) {
        out[base + k] = r[base + k] - coupling[base + k] * cluster[k];
      }
      solveBuilding(base, out);
    }
  }
}
