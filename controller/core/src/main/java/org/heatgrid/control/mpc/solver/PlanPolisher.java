package org.heatgrid.control.mpc.solver;

/**
 * Turns the interior-point iterate into a plan that meets the constraints up to rounding: heat
 * clipped to [0, uMax], temperatures simulated from the heat (so the dynamics hold exactly),
 * slack = max(0, low - T) and peak = max(floor, largest cluster sum) capped at the cluster cap.
 * These are the cheapest slack and peak for the heat, so polishing never raises the objective
 * of a converged iterate by more than its residuals.
 */
final class PlanPolisher {

  private PlanPolisher() {}

  static Plan polish(PlanningProblem problem, QpForm form, double[] x, SolveStatus status,
      int iterations, long nanos, String message) {
    int buildings = form.buildings;
    int n = form.steps;
    double[][] heat = new double[buildings][n];
    double[][] temp = new double[buildings][n];
    double[][] slack = new double[buildings][n];
    double[] cluster = new double[n];
    for (int k = 0; k < n; k++) {
      cluster[k] = problem.fixedLoadKw(k);
    }
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = problem.buildings().get(b);
      double t = chain.t0();
      for (int k = 0; k < n; k++) {
        double u = form.fixed[form.u(b, k)] ? 0 : Math.min(chain.uMax(k),
            Math.max(0, x[form.u(b, k)]));
        t = chain.a() * t + chain.g() * u + chain.w(k);
        heat[b][k] = u;
        temp[b][k] = t;
        slack[b][k] = Math.max(0, chain.low(k) - t);
        cluster[k] += u;
      }
    }
    double peak = problem.peakFloorKw();
    for (double sum : cluster) {
      peak = Math.max(peak, sum);
    }
    peak = Math.min(peak, problem.clusterCapKw());
    double objective = PlanChecker.objective(problem, heat, slack, peak);
    return new Plan(status, objective, heat, temp, slack, peak, iterations, nanos, message);
  }
}
