package org.heatgrid.control.mpc.solver;

/** Solves a {@link PlanningProblem}. Implementations never throw for a valid problem. */
public interface PlanSolver {

  /** Short name for logs and benchmark tables. */
  String name();

  /**
   * Solves {@code problem} within {@code limits}.
   *
   * @return a plan whose status says whether it is optimal; failures are reported in the status
   *     and message, not thrown
   */
  Plan solve(PlanningProblem problem, SolverLimits limits);
}
