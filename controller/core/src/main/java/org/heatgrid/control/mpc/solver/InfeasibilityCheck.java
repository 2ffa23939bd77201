package org.heatgrid.control.mpc.solver;

/**
 * The only ways the planning problem can be infeasible: comfort is soft and heat may always be
 * 0, so only the hard cluster cap can fail, against the fixed load or the peak floor.
 */
final class InfeasibilityCheck {

  private InfeasibilityCheck() {}

  /** Why {@code problem} is infeasible, or null when it is feasible. */
  static String reason(PlanningProblem problem) {
    double cap = problem.clusterCapKw();
    if (problem.peakFloorKw() > cap) {
      return "peakFloorKw " + problem.peakFloorKw() + " exceeds clusterCapKw " + cap;
    }
    for (int k = 0; k < problem.steps(); k++) {
      double fixed = problem.fixedLoadKw(k);
      if (fixed > cap) {
        return "fixed load " + fixed + " kW at step " + k + " exceeds clusterCapKw " + cap;
      }
    }
    return null;
  }
}
