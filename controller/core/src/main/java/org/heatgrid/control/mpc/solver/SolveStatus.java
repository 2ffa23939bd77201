package org.heatgrid.control.mpc.solver;

/** How a solve ended. Only {@link #OPTIMAL} plans may be applied without further checks. */
public enum SolveStatus {
  OPTIMAL,
  /** No plan meets the hard constraints (fixed load above the cluster cap, or floor above cap). */
  INFEASIBLE,
  ITERATION_LIMIT,
  TIME_LIMIT,
  /** The solver failed numerically; the plan's message says why. */
  NUMERICAL_ERROR
}
