package org.heatgrid.control.mpc.solver;

/**
 * Turns the interior-point iterate into a plan that meets the constraints up to rounding: heat
 * clipped to [0, uMax], temperatures simulated from the heat (so the dynamics hold exactly),
 * slack = max(0, low - air) and peak = max(floor, largest cluster sum) capped at the cluster cap.
 * Where the iterate's cluster sum exceeds a finite cap (by up to its primal residual, ~1e-8
 * relative), that step's heat is scaled down onto the cap before the temperatures are simulated.
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
    double[] heatSum = new double[n];
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = problem.buildings().get(b);
      for (int k = 0; k < n; k++) {
        double u = form.fixed[form.u(b, k)] ? 0 : Math.min(chain.uMax(k),
            Math.max(0, x[form.u(b, k)]));
        heat[b][k] = u;
        heatSum[k] += u;
      }
    }
    double cap = problem.clusterCapKw();
    for (int k = 0; k < n; k++) {
      double excess = cluster[k] + heatSum[k] - cap;
      if (excess > 0 && heatSum[k] > 0) {
        // The fixed load alone fits under the cap (InfeasibilityCheck), so this reaches it.
        double factor = Math.max(0, 1 - excess / heatSum[k]);
        heatSum[k] = 0;
        for (int b = 0; b < buildings; b++) {
          heat[b][k] *= factor;
          heatSum[k] += heat[b][k];
        }
      }
      cluster[k] += heatSum[k];
    }
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = problem.buildings().get(b);
      temp[b] = chain.simulate(heat[b])[0];
      for (int k = 0; k < n; k++) {
        slack[b][k] = Math.max(0, chain.low(k) - chain.airC(temp[b][k], heat[b][k]));
      }
    }
    double peak = problem.peakFloorKw();
    for (double sum : cluster) {
      peak = Math.max(peak, sum);
    }
    peak = Math.min(peak, cap);
    double objective = PlanChecker.objective(problem, heat, slack, peak);
    return new Plan(status, objective, heat, temp, slack, peak, iterations, nanos, message);
  }
}
