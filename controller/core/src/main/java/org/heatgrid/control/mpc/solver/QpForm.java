package org.heatgrid.control.mpc.solver;

/**
 * The planning problem as a bounded QP {@code min c'x + x'Qx/2, A x = rhs, lo <= x <= hi} with
 * diagonal Q, laid out for {@link NormalEquations}.
 *
 * <p>Temperatures are replaced by {@code y[k] = T[k+1] + c*u[k] + s[k]} (c: the chain's air
 * offset per kW), so the comfort floor becomes the simple bound {@code y >= low} and every
 * inequality is a bound. Columns, per building b: u[0..N), s[0..N), y[0..N); then the cluster
 * slacks z[0..N) and the peak P. Rows: the dynamics of building b at step k,
 * {@code y[k]-s[k]-(g+c)*u[k]-a*(y[k-1]-s[k-1]) + a*c*u[k-1] = w[k] (+a*t0 at k=0)}; then the
 * cluster rows {@code sum_b u[b][k] + z[k] - P = -fixedLoad[k]}.
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
  final double[] a;
  final double[] g;
  /** Air offset per kW of each building (K/kW), >= 0. */
  final double[] c;
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
      a[b] = chain.a();
      g[b] = chain.g();
      c[b] = chain.airPerKw();
      for (int k = 0; k < n; k++) {
        set(u(b, k), p.priceKrwPerKwh(k) * p.stepHours(), p.heatRegularization(), 0,
            chain.uMax(k));
        fixed[u(b, k)] = chain.uMax(k) <= FIXED_HEAT_KW;
        set(s(b, k), p.slackLinear(), p.slackQuadratic(), 0, Double.POSITIVE_INFINITY);
        set(y(b, k), 0, 0, chain.low(k), Double.POSITIVE_INFINITY);
        rhs[b * n + k] = chain.w(k) + (k == 0 ? chain.a() * chain.t0() : 0);
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
      double ab = a[b];
      double gb = g[b] + c[b];
      double ac = a[b] * c[b];
      int u0 = u(b, 0);
      int s0 = s(b, 0);
      int y0 = y(b, 0);
      int row0 = b * n;
      for (int k = 0; k < n; k++) {
        double v = x[y0 + k] - x[s0 + k] - gb * x[u0 + k];
        if (k > 0) {
          v -= ab * (x[y0 + k - 1] - x[s0 + k - 1]) - ac * x[u0 + k - 1];
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
      double ab = a[b];
      double gb = g[b] + c[b];
      double ac = a[b] * c[b];
      int row0 = b * n;
      for (int k = 0; k < n; k++) {
        double ld = lambda[row0 + k];
        double following = k + 1 < n ? lambda[row0 + k + 1] : 0;
        double next = ab * following;
        out[u(b, k)] = -gb * ld + ac * following + lambda[clusterRow(k)];
        out[s(b, k)] = -ld + next;
        out[y(b, k)] = ld - next;
      }
    }
  }
}
