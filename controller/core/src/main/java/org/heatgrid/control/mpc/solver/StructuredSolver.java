package org.heatgrid.control.mpc.solver;

/**
 * Fast exact solver for {@link PlanningProblem}: a primal-dual interior-point method (Mehrotra
 * predictor-corrector) whose Newton systems are solved through the problem's structure, see
 * {@link NormalEquations}: O(B*N^2 + N^3) per iteration, about 16 iterations on 16 x 96; figures in the
 * controller/core README.
 *
 * <p>The result is polished before it is returned: heat is clipped to its bounds, temperatures
 * are re-simulated from the heat, slacks and peak are set to their least feasible values, so the
 * plan meets every constraint up to rounding and its objective is evaluated exactly.
 *
 * <p>Keeps work arrays between calls for the last problem size: <b>not thread-safe</b>; use one
 * instance per thread.
 */
public final class StructuredSolver implements PlanSolver {

  private InteriorPoint method;

  @Override
  public String name() {
    return "structured";
  }

  @Override
  public Plan solve(PlanningProblem problem, SolverLimits limits) {
    long start = System.nanoTime();
    try {
      String infeasible = InfeasibilityCheck.reason(problem);
      if (infeasible != null) {
        return Plan.failed(SolveStatus.INFEASIBLE, 0, System.nanoTime() - start, infeasible);
      }
      InteriorPoint ipm = methodFor(problem);
      ipm.form.load(problem);
      long deadline = start + limits.timeLimit().toNanos();
      InteriorPoint.Outcome outcome = ipm.run(limits.maxIterations(), deadline);
      SolveStatus status = switch (outcome) {
        case CONVERGED -> SolveStatus.OPTIMAL;
        case ITERATION_LIMIT -> SolveStatus.ITERATION_LIMIT;
        case TIME_LIMIT -> SolveStatus.TIME_LIMIT;
        case NUMERICAL_ERROR -> SolveStatus.NUMERICAL_ERROR;
      };
      String message = status == SolveStatus.OPTIMAL ? "" : outcome + ": " + ipm.detail;
      return PlanPolisher.polish(problem, ipm.form, ipm.x, status, ipm.iterations,
          System.nanoTime() - start, message);
    } catch (RuntimeException e) {
      return Plan.failed(SolveStatus.NUMERICAL_ERROR, 0, System.nanoTime() - start,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private InteriorPoint methodFor(PlanningProblem problem) {
    int buildings = problem.buildingCount();
    if (method == null || method.form.buildings != buildings
        || method.form.steps != problem.steps()) {
      method = new InteriorPoint(new QpForm(buildings, problem.steps()));
    }
    return method;
  }
}
