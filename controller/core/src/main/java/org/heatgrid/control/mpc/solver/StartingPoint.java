package org.heatgrid.control.mpc.solver;

/**
 * Interior starting point for {@link InteriorPoint}: each variable a natural distance inside its
 * bounds (half the heat range, 1 K for temperatures and slacks, a typical cluster load for the
 * peak and the cluster slacks) and bound duals chosen so that every complementarity product
 * equals one common mu0, i.e. the start lies on the central path's neighbourhood.
 */
final class StartingPoint {

  private StartingPoint() {}

  static void fill(QpForm form, double[] x, double[] zl, double[] zu) {
    double clusterScale = clusterScale(form);
    double mu0 = 0;
    int counted = 0;
    for (int j = 0; j < form.columns; j++) {
      double lo = form.lo[j];
      double hi = form.hi[j];
      if (form.fixed[j]) {
        x[j] = lo;
        continue;
      }
      double distance = isClusterColumn(form, j) ? clusterScale : 1.0;
      if (hi < Double.POSITIVE_INFINITY) {
        distance = Math.min(distance, 0.5 * (hi - lo));
        if (!isClusterColumn(form, j)) {
          distance = 0.5 * (hi - lo);
        }
      }
      x[j] = lo + distance;
      mu0 += Math.max(1, Math.abs(form.cost[j])) * distance;
      counted++;
    }
    mu0 /= Math.max(1, counted);
    for (int j = 0; j < form.columns; j++) {
      zl[j] = 0;
      zu[j] = 0;
      if (form.fixed[j]) {
        continue;
      }
      zl[j] = mu0 / (x[j] - form.lo[j]);
      if (form.hi[j] < Double.POSITIVE_INFINITY) {
        zu[j] = mu0 / (form.hi[j] - x[j]);
      }
    }
  }

  private static boolean isClusterColumn(QpForm form, int j) {
    return j >= form.z(0);
  }

  /** Mean over steps of the cluster's fixed load plus half its heat capacity (kW). */
  private static double clusterScale(QpForm form) {
    double sum = 0;
    for (int k = 0; k < form.steps; k++) {
      sum += -form.rhs[form.clusterRow(k)];
      for (int b = 0; b < form.buildings; b++) {
        sum += 0.5 * form.hi[form.u(b, k)];
      }
    }
    return Math.max(1, sum / form.steps);
  }
}
