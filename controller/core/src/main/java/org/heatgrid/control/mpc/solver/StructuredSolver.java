package org.heatgrid.control.mpc.solver;

/**
 * Fast exact solver for {@link PlanningProblem}: a primal-dual interior-point method (Mehrotra
 * predictor-corrector) whose Newton systems are solved through the problem's structure, see
 * {@link NormalEquations}: O(B*N^2 + N^3) per iteration, about 16 iterations on 16 x 96; figures in the
 * controller/core README and docs/decisions/0001-structured-mpc-solver.md.
 *
 * <p>The result is polished before it is returned: heat is clipped to its bounds, temperatures
 * are re-simulated from the heat, slacks and peak are set to their least feasible values, so the
 * plan meets every constraint up to rounding and its objective is evaluated exactly.
 *
 * <p>A run that breaks down numerically (non-finite iterate, or an exception in the linear
 * algebra) is retried once from the start with {@link InteriorPoint.Settings#CONSERVATIVE}
 * (shorter steps, primal regularisation) within the same limits; only if that fails too is
 * {@link SolveStatus#NUMERICAL_ERROR} reported. The plan's iteration count includes both runs.
 *
 * <p>Keeps work arrays between calls for the last problem size: <b>not thread-safe</b>; use one
 * instance per thread.
 */
public final class StructuredSolver implements PlanSolver {

  private final InteriorPoint.Settings first;
  /** Null: no retry. */
  private final InteriorPoint.Settings retry;
  private InteriorPoint method;

  public StructuredSolver() {
    this(InteriorPoint.Settings.STANDARD, InteriorPoint.Settings.CONSERVATIVE);
  }

  /** For tests: the settings of the first run and of the retry after a numerical failure. */
  StructuredSolver(InteriorPoint.Settings first, InteriorPoint.Settings retry) {
    this.first = first;
    this.retry = retry;
  }

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
      InteriorPoint.Outcome outcome;
      String firstFailure = null;
      int firstIterations = 0;
      try {
        outcome = ipm.run(limits.maxIterations(), deadline, first);
      } catch (RuntimeException e) {
        if (retry == null) {
          throw e;
        }
        outcome = InteriorPoint.Outcome.NUMERICAL_ERROR;
        ipm.detail = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (outcome == InteriorPoint.Outcome.NUMERICAL_ERROR && retry != null) {
        firstFailure = ipm.detail;
        firstIterations = ipm.iterations;
        outcome = ipm.run(Math.max(1, limits.maxIterations() - firstIterations), deadline,
            retry);
      }
      SolveStatus status = switch (outcome) {
        case CONVERGED -> SolveStatus.OPTIMAL;
        case ITERATION_LIMIT -> SolveStatus.ITERATION_LIMIT;
        case TIME_LIMIT -> SolveStatus.TIME_LIMIT;
        case NUMERICAL_ERROR -> SolveStatus.NUMERICAL_ERROR;
      };
      String message = status == SolveStatus.OPTIMAL ? "" : outcome + ": " + ipm.detail
          + (firstFailure == null ? "" : " (retry after: " + firstFailure + ")");
      return PlanPolisher.polish(problem, ipm.form, ipm.x, status,
          firstIterations + ipm.iterations, System.nanoTime() - start, message);
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
