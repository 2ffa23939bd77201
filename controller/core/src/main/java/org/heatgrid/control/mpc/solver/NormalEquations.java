package org.heatgrid.control.mpc.solver;

/**
 * Factors and solves the interior-point normal equations {@code A diag(d) A' x = r} of a
 * {@link QpForm} by its structure, in O(B*N^2 + N^3) per factorisation instead of O((B*N)^3).
 *
 * <p>Per building the dynamics rows form a tridiagonal SPD block M_b; a building meets the
 * cluster rows only through its heat u[b][k], which enters its dynamics rows k and, through the
 * air offset c, k+1: the coupling C_b between its dynamics rows and the cluster rows is lower
 * bidiagonal (diagonal when c = 0). Eliminating the buildings leaves the N x N Schur complement
 * {@code S = S0 + d_P*11'} with {@code S0 = D_cluster - sum_b C_b M_b^-1 C_b}. The peak term
 * d_P grows without bound when the peak is strictly between its bounds, and S0 may then be
 * nearly singular (every step at the peak), so neither a direct Cholesky of S nor
 * Sherman-Morrison is accurate. Instead the cluster rows are recombined as row 0 and the
 * differences "row k - row 0": with that R, {@code R 1 = e0} and
 * {@code R S R' = R S0 R' + d_P e0 e0'}, so d_P lands on one pivot only.
 *
 * <p>A two-state building's rows are pentadiagonal (its air recurrence reaches two steps back,
 * see {@link QpForm}); its block is factored as a banded LDL' and its share of S0 is formed
 * densely in the same product form, see {@link #addTwoStateBuildingToSchur}.
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
  /** Entries of (Z E), which are at most of order 1, below this are dropped. */
  private static final double RELEVANT = 1e-60;

  private final QpForm form;
  private final int n;
  private final double[] lowerL;
  /** L[k][k-2] of two-state buildings' blocks; 0 for first-order ones. */
  private final double[] lowerL2;
  /** Dense n x n work matrix of the two-state update, row-major. */
  private final double[] dense;
  private final double[] coupling;
  /** C_b[k+1][k]: the heat of step k in the next step's row, through the air offset. */
  private final double[] couplingNext;
  /** Work rows of the air-offset update (see addAirBuildingToSchur). */
  private final double[] zRow;
  private final double[] zRowNext;
  private final double[] zeRow;
  private final double[] zeRowNext;
  /** Upper triangle of S without the peak term, then its Cholesky factor U (S = U'U). */
  private final double[] schur;
  private final double[] schurDiagonal;
  private final double[] clusterWork;
  /** Per building: Z's diagonal, the factors f, r, (Z E)'s diagonal, row i of (Z E). */
  private final double[] diagonalZ;
  private final double[] factorF;
  private final double[] ratioR;
  private final double[] diagonalZe;
  private final double[] scaledRow;
  /** Running sums of upper bounds of log2 f, to find where F drops below 2^-600. */
  private final int[] exponentSums;
  private final double[] work;
  private final double[] inversePivot;
  private int droppedPivots;

  NormalEquations(QpForm form) {
    this.form = form;
    this.n = form.steps;
    int bn = form.buildings * n;
    lowerL = new double[bn];
    lowerL2 = new double[bn];
    dense = new double[n * n];
    coupling = new double[bn];
    couplingNext = new double[bn];
    zRow = new double[n];
    zRowNext = new double[n];
    zeRow = new double[n];
    zeRowNext = new double[n];
    schur = new double[n * n];
    schurDiagonal = new double[n];
    clusterWork = new double[n];
    diagonalZ = new double[n + 1];
    factorF = new double[n + 1];
    ratioR = new double[n + 1];
    diagonalZe = new double[n];
    scaledRow = new double[n + 1];
    exponentSums = new int[n];
    work = new double[form.rows];
    inversePivot = new double[bn];
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
      if (form.twoState[b]) {
        factorTwoStateBuilding(b, d);
        addTwoStateBuildingToSchur(b, d);
        continue;
      }
      factorBuilding(b, d);
      if (form.c[b] > 0) {
        addAirBuildingToSchur(b, d);
      } else {
        addBuildingToSchur(b, d);
      }
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
   * only: with G = g + c, d[k] = ys[k] + G^2 du[k] + r[k] and
   * {@code r[k] = a^2 (ys[k-1] (g^2 du[k-1] + r[k-1]) + c^2 du[k-1] r[k-1]) / d[k-1]}, which is
   * {@code M[k][k] - M[k][k-1]^2 / d[k-1]} written without its cancelling terms.
   */
  private void factorBuilding(int b, double[] d) {
    double a = form.a[b];
    double g = form.g[b];
    double c = form.c[b];
    double gc = g + c;
    int base = b * n;
    double previousYs = 0;
    double previousDu = 0;
    double previousRest = 0;
    double previousPivot = 1;
    for (int k = 0; k < n; k++) {
      double du = d[form.u(b, k)];
      double ys = d[form.y(b, k)] + d[form.s(b, k)];
      double rest = 0;
      if (k > 0) {
        rest = a * a * (previousYs * (g * g * previousDu + previousRest)
            + c * c * previousDu * previousRest) / previousPivot;
        lowerL[base + k] = -a * (previousYs + c * gc * previousDu) / previousPivot;
      }
      double pivot = ys + gc * gc * du + rest;
      if (!(pivot > 0)) {
        pivot = Double.MIN_NORMAL;
      }
      inversePivot[base + k] = 1 / pivot;
      lowerL2[base + k] = 0;
      coupling[base + k] = -gc * du;
      couplingNext[base + k] = k + 1 < n ? a * c * du : 0;
      previousYs = ys;
      previousDu = du;
      previousRest = rest;
      previousPivot = pivot;
    }
  }

  /**
   * Adds building b's share of S0, {@code diag(du) - C_b M_b^-1 C_b}, in the product form
   * {@code diag(du) Z E} (Z = M_b^-1, E = M_b - g^2 diag(du) from the y and s columns). The
   * subtraction form cancels catastrophically when heat is interior and the comfort bound is
   * active, the usual state at the optimum; the product form only cancels within E's scale.
   *
   * <p>Z is the inverse of a tridiagonal matrix, so its upper triangle is semiseparable:
   * {@code Z[i][j] = F(i,j) Zd[j]} for j >= i, with {@code F(i,j) = f[i+1]...f[j]},
   * {@code f[k] = -l[k]} in [0, a] and {@code Zd[i] = 1/d[i] + f[i+1]^2 Zd[i+1]}. Hence for
   * j > i, {@code (Z E)[i][j] = F(i,j-1) r[j]} with r independent of i, and row i of the update
   * is row i+1's scaled by f[i+1] plus one new entry: two multiplies per entry in a loop the JIT
   * vectorises. Entries with {@code F < 2^-600} are dropped (they would only feed subnormals);
   * the cut-off column is found from the exponents of f, since F only shrinks along a row and up
   * a column.
   */
  private void addBuildingToSchur(int b, double[] d) {
    int base = b * n;
    double a = form.a[b];
    double[] zd = diagonalZ;
    double[] w = scaledRow;
    double[] f = factorF;
    double[] r = ratioR;
    int[] exponents = exponentSums;
    int u0 = form.u(b, 0);
    int s0 = form.s(b, 0);
    int y0 = form.y(b, 0);
    loadInverseFactors(base);
    // r[j] = (Z E)[j-1][j] / 1 with E's diagonal ys[j] + a^2 ys[j-1], off-diagonal -a ys[j-1];
    // diag[i] = (Z E)[i][i]. Both are dimensionless, of order 1 at most.
    double ysPrevious = 0;
    double offNext = 0;
    int cumulative = 0;
    for (int k = 0; k < n; k++) {
      double ys = d[y0 + k] + d[s0 + k];
      double diagE = ys + a * a * ysPrevious;
      double offE = a * ysPrevious;
      double offE1 = k + 1 < n ? a * ys : 0;
      double fk = f[k];
      double f1 = f[k + 1];
      double zk = zd[k];
      double zk1 = zd[k + 1];
      diagonalZe[k] = zk * diagE - fk * zk * offE - f1 * zk1 * offE1;
      if (k > 0) {
        double rk = fk * zk * diagE - zd[k - 1] * offE - fk * f1 * zk1 * offE1;
        r[k] = Math.abs(rk) < RELEVANT ? 0.0 : rk;
        cumulative += Math.min(Math.getExponent(fk) + 1, 0);
      }
      exponents[k] = cumulative;
      ysPrevious = ys;
    }
    int end = n;
    for (int i = n - 1; i >= 0; i--) {
      double du = d[u0 + i];
      int row = i * n;
      if (i + 1 < n) {
        while (end > i + 2 && exponents[end - 2] - exponents[i] < -600) {
          end--;
        }
        double fi = f[i + 1];
        if (du != 0) {
          for (int j = i + 2; j < end; j++) {
            double v = w[j] * fi;
            w[j] = v;
            schur[row + j] += du * v;
          }
        } else {
          for (int j = i + 2; j < end; j++) {
            w[j] *= fi;
          }
        }
        w[i + 1] = r[i + 1];
        schur[row + i + 1] += du * r[i + 1];
      }
      schur[row + i] += du * diagonalZe[i];
    }
  }

  /**
   * Building b's share of S0 when its heat has an air offset c > 0. With C_b = V diag(du) and
   * V = -G (I - rho S) (S the lower shift, G = g + c, rho = a c / G), the product form becomes
   * {@code X = (I - rho S)^-1 (E Z) (I - rho S) diag(du)}. Its upper triangle is semiseparable
   * like the diagonal case's: for j > i, {@code X[i][j] = A[i] F(i+1,j) du[j] h[j]}, because
   * {@code (E Z)[r][j] = q[r] Z[r+1][j]} for j > r; here {@code h[j] = Zd[j] - rho f[j+1] Zd[j+1]}
   * and {@code A[i] = q[i] + rho f[i+1] A[i-1]}. The diagonal is
   * {@code du[i] (p[i] - rho q[i] Zd[i+1] + rho h[i] A[i-1])} with p[i] = (E Z)[i][i]. So row i
   * is row i+1's scaled by f[i+2] plus one new entry, with the diagonal case's cut-off.
   */
  private void addAirBuildingToSchur(int b, double[] d) {
    int base = b * n;
    double a = form.a[b];
    double rho = a * form.c[b] / (form.g[b] + form.c[b]);
    double[] f = factorF;
    double[] zd = diagonalZ;
    double[] w = scaledRow;
    int[] cumulative = exponentSums;
    int u0 = form.u(b, 0);
    int s0 = form.s(b, 0);
    int y0 = form.y(b, 0);
    loadInverseFactors(base);
    // E's diagonal and its entry left of the diagonal (E is symmetric tridiagonal).
    double[] diagE = zRow;
    double[] offE = zRowNext;
    double ysPrevious = 0;
    for (int k = 0; k < n; k++) {
      double ys = d[y0 + k] + d[s0 + k];
      diagE[k] = ys + a * a * ysPrevious;
      offE[k] = -a * ysPrevious;
      ysPrevious = ys;
    }
    double[] q = zeRow;
    double[] h = zeRowNext;
    double[] beta = ratioR;
    double[] sums = diagonalZe;
    int exponent = 0;
    double previousA = 0;
    for (int k = 0; k < n; k++) {
      double offNext = k + 1 < n ? offE[k + 1] : 0;
      q[k] = offE[k] * f[k] * f[k + 1] + diagE[k] * f[k + 1] + offNext;
      h[k] = zd[k] - rho * f[k + 1] * zd[k + 1];
      beta[k] = d[u0 + k] * h[k];
      if (k > 0) {
        exponent += Math.min(Math.getExponent(f[k]) + 1, 0);
      }
      cumulative[k] = exponent; // an upper bound of log2 F(0, k)
      previousA = q[k] + rho * f[k + 1] * previousA;
      sums[k] = previousA; // A[k]
    }
    int end = n;
    for (int i = n - 1; i >= 0; i--) {
      int row = i * n;
      double ai = sums[i];
      if (i + 1 < n) {
        while (end > i + 2 && cumulative[end - 1] - cumulative[i + 1] < -600) {
          end--;
        }
        double fi = f[i + 2];
        for (int j = i + 2; j < end; j++) {
          double v = w[j] * fi;
          w[j] = v;
          schur[row + j] += ai * v;
        }
        w[i + 1] = beta[i + 1];
        schur[row + i + 1] += ai * beta[i + 1];
      }
      double next = i + 1 < n ? offE[i + 1] * f[i + 1] * zd[i + 1] : 0;
      double diagonal = (offE[i] * f[i] + diagE[i]) * zd[i] + next
          - rho * q[i] * zd[i + 1] + (i > 0 ? rho * h[i] * sums[i - 1] : 0);
      schur[row + i] += d[u0 + i] * diagonal;
    }
  }

  /**
   * Banded LDL' of a two-state building's pentadiagonal block M_b = E + G diag(du) G', where E
   * comes from the y and s columns ({@code ys[l]} on the vector 1, -p1, -p2 at rows l, l+1, l+2)
   * and G from the heat columns (-b0, -b1 at rows l, l+1).
   */
  private void factorTwoStateBuilding(int b, double[] d) {
    double p1 = form.p1[b];
    double p2 = form.p2[b];
    double b0 = form.b0[b];
    double b1 = form.b1[b];
    int base = b * n;
    double ys1 = 0;
    double ys2 = 0;
    double du1 = 0;
    double pivot1 = 1;
    double pivot2 = 1;
    double l1Previous = 0;
    for (int k = 0; k < n; k++) {
      double du = d[form.u(b, k)];
      double ys = d[form.y(b, k)] + d[form.s(b, k)];
      double diagonal = ys + p1 * p1 * ys1 + p2 * p2 * ys2 + b0 * b0 * du + b1 * b1 * du1;
      double sub1 = -p1 * ys1 + p1 * p2 * ys2 + b0 * b1 * du1;
      double sub2 = -p2 * ys2;
      double l2 = k > 1 ? sub2 / pivot2 : 0;
      double l1 = k > 0 ? (sub1 - l2 * l1Previous * pivot2) / pivot1 : 0;
      double pivot = diagonal - l1 * l1 * pivot1 - l2 * l2 * pivot2;
      // Unlike the first-order pivot this one is a difference; a pivot lost to rounding is
      // replaced by its diagonal, which only damps that direction of the Newton step.
      if (!(pivot > PIVOT_TOLERANCE * diagonal)) {
        pivot = Math.max(diagonal, Double.MIN_NORMAL);
      }
      lowerL[base + k] = l1;
      lowerL2[base + k] = l2;
      inversePivot[base + k] = 1 / pivot;
      coupling[base + k] = -b0 * du;
      couplingNext[base + k] = k + 1 < n ? -b1 * du : 0;
      ys2 = ys1;
      ys1 = ys;
      du1 = du;
      pivot2 = pivot1;
      pivot1 = pivot;
      l1Previous = l1;
    }
  }

  /**
   * A two-state building's share of S0 in the product form of the first-order case: with
   * M_b = E + G Du G' and Z = M_b^-1, {@code Du - Du G' Z G Du = Du G' (Z E) G'^-1}, which
   * does not cancel when heat is interior and the floor active. X = Z E is solved densely
   * (E is banded, so the forward pass only touches the lower band); then row i of
   * {@code Y = G' X G'^-1} follows {@code Y[i][j] = X[i][j] + rho (X[i+1][j] - Y[i][j-1])} with
   * rho = b1 / b0, and the update is {@code du[i] Y[i][j]} on the upper triangle. O(N^2) per
   * building, several times the first-order update's work.
   */
  private void addTwoStateBuildingToSchur(int b, double[] d) {
    double p1 = form.p1[b];
    double p2 = form.p2[b];
    double rho = form.b1[b] / form.b0[b];
    int base = b * n;
    int u0 = form.u(b, 0);
    double[] x = dense;
    java.util.Arrays.fill(x, 0.0);
    // E: ys[l] (v_l v_l') with v_l = e_l - p1 e_{l+1} - p2 e_{l+2}.
    double[] v = {1, -p1, -p2};
    for (int l = 0; l < n; l++) {
      double ys = d[form.y(b, l)] + d[form.s(b, l)];
      for (int r = 0; r < 3 && l + r < n; r++) {
        for (int q = 0; q < 3 && l + q < n; q++) {
          x[(l + r) * n + l + q] += ys * v[r] * v[q];
        }
      }
    }
    // Forward with L: row k of X has entries up to column k + 2 only.
    if (n > 1) {
      double l1 = lowerL[base + 1];
      for (int j = 0; j < Math.min(n, 4); j++) {
        x[n + j] -= l1 * x[j];
      }
    }
    for (int k = 2; k < n; k++) {
      double l1 = lowerL[base + k];
      double l2 = lowerL2[base + k];
      int row = k * n;
      int end = Math.min(n, k + 3);
      for (int j = 0; j < end; j++) {
        x[row + j] -= l1 * x[row - n + j] + l2 * x[row - 2 * n + j];
      }
    }
    for (int k = 0; k < n; k++) {
      double inv = inversePivot[base + k];
      int row = k * n;
      int end = Math.min(n, k + 3);
      for (int j = 0; j < end; j++) {
        x[row + j] *= inv;
      }
    }
    // Backward with L'.
    if (n > 1) {
      double l1 = lowerL[base + n - 1];
      int row = (n - 2) * n;
      for (int j = 0; j < n; j++) {
        x[row + j] -= l1 * x[row + n + j];
      }
    }
    for (int k = n - 3; k >= 0; k--) {
      double l1 = lowerL[base + k + 1];
      double l2 = lowerL2[base + k + 2];
      int row = k * n;
      for (int j = 0; j < n; j++) {
        x[row + j] -= l1 * x[row + n + j] + l2 * x[row + 2 * n + j];
      }
    }
    // The row recurrence runs along j; four rows at a time keep four independent chains in
    // flight (one chain is latency-bound).
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      addRecurrenceRows(i, 4, rho, d, u0);
    }
    if (i < n) {
      addRecurrenceRows(i, n - i, rho, d, u0);
    }
  }

  /**
   * Rows i..i+count-1 of {@code Y[i][j] = X[i][j] + rho (X[i+1][j] - Y[i][j-1])}, each added to
   * S0 from its diagonal on, scaled by its heat weight.
   */
  private void addRecurrenceRows(int first, int count, double rho, double[] d, int u0) {
    double[] x = dense;
    if (count == 4 && first + 4 < n) {
      int r0 = first * n;
      int r1 = r0 + n;
      int r2 = r1 + n;
      int r3 = r2 + n;
      int r4 = r3 + n;
      double y0 = 0;
      double y1 = 0;
      double y2 = 0;
      double y3 = 0;
      double[] w = scaledRow;
      for (int j = 0; j < n; j++) {
        y0 = x[r0 + j] + rho * (x[r1 + j] - y0);
        y1 = x[r1 + j] + rho * (x[r2 + j] - y1);
        y2 = x[r2 + j] + rho * (x[r3 + j] - y2);
        y3 = x[r3 + j] + rho * (x[r4 + j] - y3);
        // Rows are overwritten after they are read by the row above: keep Y in place.
        x[r0 + j] = y0;
        w[j] = y1;
        zRow[j] = y2;
        zRowNext[j] = y3;
      }
      // The rows below row r0 were needed unchanged; now Y can replace them.
      System.arraycopy(w, 0, x, r1, n);
      System.arraycopy(zRow, 0, x, r2, n);
      System.arraycopy(zRowNext, 0, x, r3, n);
      for (int i = first; i < first + 4; i++) {
        addScaledRow(i, d[u0 + i], x, i * n);
      }
      return;
    }
    for (int i = first; i < first + count; i++) {
      // Y goes to a work row, so every row below is still X when this one reads it.
      int row = i * n;
      double y = 0;
      double[] w = scaledRow;
      for (int j = 0; j < n; j++) {
        double below = i + 1 < n ? x[row + n + j] : 0;
        y = x[row + j] + rho * (below - y);
        w[j] = y;
      }
      addScaledRow(i, d[u0 + i], w, 0);
    }
  }

  /** Adds {@code du} times {@code y[offset + i..offset + n)} to S0's row i from its diagonal on. */
  private void addScaledRow(int i, double du, double[] y, int offset) {
    if (du == 0) {
      return;
    }
    int row = i * n;
    for (int j = i; j < n; j++) {
      schur[row + j] += du * y[offset + j];
    }
  }

  /**
   * The semiseparable factors of Z = M_b^-1 for the building whose rows start at {@code base}:
   * {@code factorF[k] = -l[k]} (0 at both ends) and {@code diagonalZ[i] = 1/d[i] + f[i+1]^2 Zd[i+1]}.
   */
  private void loadInverseFactors(int base) {
    double[] f = factorF;
    double[] zd = diagonalZ;
    f[0] = 0;
    f[n] = 0;
    for (int k = 1; k < n; k++) {
      f[k] = -lowerL[base + k];
    }
    zd[n] = 0;
    zd[n - 1] = inversePivot[base + n - 1];
    for (int i = n - 2; i >= 0; i--) {
      double tail = f[i + 1] * f[i + 1] * zd[i + 1];
      zd[i] = inversePivot[base + i] + (tail < TINY ? 0.0 : tail);
    }
  }

  /**
   * Right-looking Cholesky S = U'U on the upper triangle, dropping lost pivots. Rows are
   * finished two at a time and the trailing triangle gets one rank-2 update, which halves the
   * passes over it.
   */
  private void choleskyInPlace() {
    droppedPivots = 0;
    int k = 0;
    for (; k + 1 < n; k += 2) {
      int rowK = k * n;
      int rowK1 = rowK + n;
      finishRow(k);
      double uk1 = schur[rowK + k + 1];
      for (int j = k + 1; j < n; j++) {
        schur[rowK1 + j] -= uk1 * schur[rowK + j];
      }
      finishRow(k + 1);
      for (int i = k + 2; i < n; i++) {
        double a = schur[rowK + i];
        double b = schur[rowK1 + i];
        int rowI = i * n;
        for (int j = i; j < n; j++) {
          schur[rowI + j] -= a * schur[rowK + j] + b * schur[rowK1 + j];
        }
      }
    }
    if (k < n) {
      finishRow(k);
    }
  }

  /** Takes the square root of row k's pivot (or drops it) and scales the row right of it. */
  private void finishRow(int k) {
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

  /**
   * x = M_b^-1 x in place for every building: forward with L, then backward with D^-1 and L'.
   * The buildings are independent chains, so the step k of all of them runs in one inner loop
   * and the processor overlaps their latencies.
   */
  private void solveBuildings(double[] x) {
    int buildings = form.buildings;
    for (int base = 0; base < buildings * n; base += n) {
      if (n > 1) {
        x[base + 1] -= lowerL[base + 1] * x[base];
      }
    }
    for (int k = 2; k < n; k++) {
      for (int base = 0; base < buildings * n; base += n) {
        x[base + k] -= lowerL[base + k] * x[base + k - 1] + lowerL2[base + k] * x[base + k - 2];
      }
    }
    for (int base = 0; base < buildings * n; base += n) {
      x[base + n - 1] *= inversePivot[base + n - 1];
      if (n > 1) {
        x[base + n - 2] = x[base + n - 2] * inversePivot[base + n - 2]
            - lowerL[base + n - 1] * x[base + n - 1];
      }
    }
    for (int k = n - 3; k >= 0; k--) {
      for (int base = 0; base < buildings * n; base += n) {
        x[base + k] = x[base + k] * inversePivot[base + k] - lowerL[base + k + 1] * x[base + k + 1]
            - lowerL2[base + k + 2] * x[base + k + 2];
      }
    }
  }

  /** out = (A diag(d) A')^-1 r with the last factorisation; {@code out} may not be {@code r}. */
  void solve(double[] r, double[] out) {
    int bn = form.buildings * n;
    System.arraycopy(r, 0, work, 0, form.rows);
    solveBuildings(work);
    double[] cluster = clusterWork;
    for (int k = 0; k < n; k++) {
      double v = r[bn + k];
      for (int b = 0; b < form.buildings; b++) {
        int i = b * n + k;
        v -= coupling[i] * work[i] + (k + 1 < n ? couplingNext[i] * work[i + 1] : 0);
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
        out[base + k] = r[base + k] - coupling[base + k] * cluster[k]
            - (k > 0 ? couplingNext[base + k - 1] * cluster[k - 1] : 0);
      }
    }
    solveBuildings(out);
  }
}
