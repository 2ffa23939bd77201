package org.heatgrid.control.mpc.solver;

/**
 * The planning problem as a bounded QP {@code min c'x + x'Qx/2, A x = rhs, lo <= x <= hi} with
 * diagonal Q, laid out for {@link NormalEquations}.
 *
 * <p>Temperatures are replaced by {@code y[k] = air[k+1] + s[k]}, so the comfort floor becomes
 * the simple bound {@code y >= low} and every inequality is a bound. Every chain is written as a
 * recurrence of its air alone,
 * {@code air[k+1] = p1*air[k] + p2*air[k-1] + b0*u[k] + b1*u[k-1] + rhs[k]}, terms before step 0
 * being known and part of rhs: a first-order chain with air offset c has p1 = a, p2 = 0,
 * b0 = g + c, b1 = -a*c (its air is T + c*u); a two-state chain's structure is eliminated
 * exactly (p1 and -p2 are the trace and determinant of its 2 x 2 transition). So the dynamics
 * rows of a building are banded: bidiagonal in y for first-order chains, tridiagonal for
 * two-state ones, and the structure needs no column of its own (it would be a free variable,
 * which an interior-point method cannot weigh). Columns, per building b: u[0..N), s[0..N),
 * y[0..N); then the cluster slacks z[0..N) and the peak P. Rows: the dynamics of building b at
 * step k, {@code (y-s)[k] - p1*(y-s)[k-1] - p2*(y-s)[k-2] - b0*u[k] - b1*u[k-1] = rhs[k]}; then
 * the cluster rows {@code sum_b u[b][k] + z[k] - P = -fixedLoad[k]}.
 *
 * <p>Arrays are allocated for one size and refilled by {@link #load}; not thread-safe.
 */
final class QpForm {

  /** Heat bounds narrower than this (kW) are treated as u fixed at 0. */
  static final double FIXED_HEAT_KW = 1e-7;

  final int buildings;
  final int steps;
  final int columns;
  final int rows;
  /** First-order chains: retention a, heat gain g and air offset c (K/kW) of each building. */
  final double[] a;
  final double[] g;
  final double[] c;
  /** The air recurrence of every building, see the class comment. */
  final double[] p1;
  final double[] p2;
  final double[] b0;
  final double[] b1;
  /** True for two-state chains (p2 may still be 0 by accident, so this is kept apart). */
  final boolean[] twoState;
  final double[] cost;
  final double[] quad;
  final double[] lo;
  final double[] hi;
  /** Variables pinned at {@code lo}: excluded from the Newton system. */
  final boolean[] fixed;
  final double[] rhs;

  QpForm(int buildings, int steps) {
    this.buildings = buildings;
    this.steps = steps;
    this.columns = 3 * buildings * steps + steps + 1;
    this.rows = buildings * steps + steps;
    a = new double[buildings];
    g = new double[buildings];
    c = new double[buildings];
    p1 = new double[buildings];
    p2 = new double[buildings];
    b0 = new double[buildings];
    b1 = new double[buildings];
    twoState = new boolean[buildings];
    cost = new double[columns];
    quad = new double[columns];
    lo = new double[columns];
    hi = new double[columns];
    fixed = new boolean[columns];
    rhs = new double[rows];
  }

  int u(int b, int k) {
    return 3 * b * steps + k;
  }

  int s(int b, int k) {
    return 3 * b * steps + steps + k;
  }

  int y(int b, int k) {
    return 3 * b * steps + 2 * steps + k;
  }

  int z(int k) {
    return 3 * buildings * steps + k;
  }

  int peak() {
    return 3 * buildings * steps + steps;
  }

  int clusterRow(int k) {
    return buildings * steps + k;
  }

  /** Fills the arrays from {@code p}, which must have this form's size. */
  void load(PlanningProblem p) {
    int n = steps;
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = p.buildings().get(b);
      loadRecurrence(b, chain);
      for (int k = 0; k < n; k++) {
        set(u(b, k), p.priceKrwPerKwh(k) * p.stepHours(), p.heatRegularization(), 0,
            chain.uMax(k));
        fixed[u(b, k)] = chain.uMax(k) <= FIXED_HEAT_KW;
        set(s(b, k), p.slackLinear(), p.slackQuadratic(), 0, Double.POSITIVE_INFINITY);
        set(y(b, k), 0, 0, chain.low(k), Double.POSITIVE_INFINITY);
      }
    }
    for (int k = 0; k < n; k++) {
      set(z(k), 0, 0, 0, Double.POSITIVE_INFINITY);
      rhs[clusterRow(k)] = -p.fixedLoadKw(k);
    }
    double floor = p.peakFloorKw();
    double cap = p.clusterCapKw();
    set(peak(), p.peakKrwPerKw(), 0, floor, cap);
    fixed[peak()] = cap - floor <= 1e-9 * Math.max(1, floor);
  }

  /** The chain's air recurrence and the rows' right-hand sides (known terms folded in). */
  private void loadRecurrence(int b, BuildingChain chain) {
    int n = steps;
    int row0 = b * n;
    BuildingChain.Structure st = chain.structure();
    twoState[b] = st != null;
    if (st == null) {
      a[b] = chain.a();
      g[b] = chain.g();
      c[b] = chain.airPerKw();
      p1[b] = a[b];
      p2[b] = 0;
      b0[b] = g[b] + c[b];
      b1[b] = -a[b] * c[b];
      for (int k = 0; k < n; k++) {
        rhs[row0 + k] = chain.w(k) + (k == 0 ? chain.a() * chain.t0() : 0);
      }
      return;
    }
    double aa = chain.a();
    double am = st.fromStructure();
    double ma = st.fromAir();
    double mm = st.retention();
    a[b] = Double.NaN;
    g[b] = Double.NaN;
    c[b] = Double.NaN;
    p1[b] = aa + mm;
    p2[b] = am * ma - aa * mm;
    b0[b] = chain.g();
    b1[b] = am * st.heatGain() - mm * chain.g();
    // air[k+1] = aa air[k] + am M[k] + ...; eliminating M with the previous air row leaves
    // the drives wa[k] - mm wa[k-1] + am wm[k-1].
    rhs[row0] = aa * chain.t0() + am * st.m0() + chain.w(0);
    for (int k = 1; k < n; k++) {
      rhs[row0 + k] = chain.w(k) - mm * chain.w(k - 1) + am * st.drive(k - 1)
          + (k == 1 ? p2[b] * chain.t0() : 0);
    }
  }

  private void set(int j, double c, double q, double low, double high) {
    cost[j] = c;
    quad[j] = q;
    lo[j] = low;
    hi[j] = high;
    fixed[j] = false;
  }

  /** out = A x. */
  void multiply(double[] x, double[] out) {
    int n = steps;
    for (int k = 0; k < n; k++) {
      out[clusterRow(k)] = x[z(k)] - x[peak()];
    }
    for (int b = 0; b < buildings; b++) {
      double q1 = p1[b];
      double q2 = p2[b];
      double h0 = b0[b];
      double h1 = b1[b];
      int u0 = u(b, 0);
      int s0 = s(b, 0);
      int y0 = y(b, 0);
      int row0 = b * n;
      for (int k = 0; k < n; k++) {
        double v = x[y0 + k] - x[s0 + k] - h0 * x[u0 + k];
        if (k > 0) {
          v -= q1 * (x[y0 + k - 1] - x[s0 + k - 1]) + h1 * x[u0 + k - 1];
        }
        if (k > 1) {
          v -= q2 * (x[y0 + k - 2] - x[s0 + k - 2]);
        }
        out[row0 + k] = v;
        out[clusterRow(k)] += x[u0 + k];
      }
    }
  }

  /** out = A' lambda. */
  void multiplyTransposed(double[] lambda, double[] out) {
    int n = steps;
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double lc = lambda[clusterRow(k)];
      out[z(k)] = lc;
      sum += lc;
    }
    out[peak()] = -sum;
    for (int b = 0; b < buildings; b++) {
      double q1 = p1[b];
      double q2 = p2[b];
      double h0 = b0[b];
      double h1 = b1[b];
      int row0 = b * n;
      for (int k = 0; k < n; k++) {
        double ld = lambda[row0 + k];
        double following = k + 1 < n ? lambda[row0 + k + 1] : 0;
        double second = k + 2 < n ? lambda[row0 + k + 2] : 0;
        double later = q1 * following + q2 * second;
        out[u(b, k)] = -h0 * ld - h1 * following + lambda[clusterRow(k)];
        out[s(b, k)] = -ld + later;
        out[y(b, k)] = ld - later;
      }
    }
  }
}
