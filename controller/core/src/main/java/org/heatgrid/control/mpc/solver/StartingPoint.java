package org.heatgrid.control.mpc.solver;

/**
 * Interior starting point for {@link InteriorPoint}, primal feasible where the problem allows:
 * heat at a fraction of its range that leaves room under the cluster cap, temperatures simulated
 * from that heat (so the dynamics rows hold), slack and y a margin inside their bounds, and a
 * peak above every cluster sum so that the cluster slacks are positive. Bound duals are chosen
 * so that every complementarity product equals one common mu0, i.e. the start lies on the
 * central path's neighbourhood.
 *
 * <p>A start that violates the cluster rows (the peak below the cluster sum) makes the first
 * Newton steps fight the peak's bounds with step lengths of 1e-3; this one does not.
 */
final class StartingPoint {

  /** Heat starts at this fraction of its range unless the cluster cap needs less. */
  private static final double HEAT_FRACTION = 0.5;
  /** Distance (K) of temperatures and slacks from their bounds. */
  private static final double COMFORT_MARGIN = 1.0;
  /** Distance of the peak above the largest cluster sum, as a fraction of the cluster scale. */
  private static final double PEAK_MARGIN = 0.1;

  private StartingPoint() {}

  static void fill(QpForm form, double[] x, double[] zl, double[] zu) {
    int n = form.steps;
    double clusterScale = clusterScale(form);
    double cap = form.hi[form.peak()];
    double floor = form.lo[form.peak()];
    double[] load = new double[n];
    for (int k = 0; k < n; k++) {
      double fixedLoad = -form.rhs[form.clusterRow(k)];
      double capacity = 0;
      for (int b = 0; b < form.buildings; b++) {
        int j = form.u(b, k);
        capacity += form.fixed[j] ? 0 : form.hi[j] - form.lo[j];
      }
      double fraction = HEAT_FRACTION;
      if (cap < Double.POSITIVE_INFINITY && capacity > 0) {
        fraction = Math.min(fraction, 0.5 * Math.max(0, cap - fixedLoad) / capacity);
      }
      load[k] = fixedLoad;
      for (int b = 0; b < form.buildings; b++) {
        int j = form.u(b, k);
        x[j] = form.fixed[j] ? form.lo[j] : form.lo[j] + fraction * (form.hi[j] - form.lo[j]);
        load[k] += x[j];
      }
    }
    for (int b = 0; b < form.buildings; b++) {
      // The known terms before step 0 are part of the rows' rhs.
      double previousAir = 0;
      double earlierAir = 0;
      double previousU = 0;
      for (int k = 0; k < n; k++) {
        double u = x[form.u(b, k)];
        double air = form.rhs[b * n + k] + form.b0[b] * u + form.b1[b] * previousU
            + form.p1[b] * previousAir + form.p2[b] * earlierAir;
        earlierAir = previousAir;
        previousAir = air;
        previousU = u;
        double low = form.lo[form.y(b, k)];
        double slack = Math.max(0, low - air) + COMFORT_MARGIN;
        x[form.s(b, k)] = slack;
        x[form.y(b, k)] = air + slack;
      }
    }
    double maxLoad = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      maxLoad = Math.max(maxLoad, load[k]);
    }
    double peak;
    if (form.fixed[form.peak()]) {
      peak = floor;
    } else {
      double base = Math.max(floor, maxLoad);
      double margin = Math.max(PEAK_MARGIN * clusterScale, 1e-3 * (1 + Math.abs(base)));
      peak = Math.min(base + margin, base + 0.5 * (cap - base));
      if (!(peak > floor && peak < cap)) {
        peak = floor + 0.5 * Math.min(cap - floor, 2 * clusterScale);
      }
    }
    x[form.peak()] = peak;
    double minimumZ = 1e-3 * clusterScale;
    for (int k = 0; k < n; k++) {
      x[form.z(k)] = Math.max(minimumZ, peak - load[k]);
    }
    double mu0 = 0;
    int counted = 0;
    for (int j = 0; j < form.columns; j++) {
      if (form.fixed[j]) {
        x[j] = form.lo[j];
        continue;
      }
      double distance = x[j] - form.lo[j];
      if (form.hi[j] < Double.POSITIVE_INFINITY) {
        distance = Math.min(distance, form.hi[j] - x[j]);
      }
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
