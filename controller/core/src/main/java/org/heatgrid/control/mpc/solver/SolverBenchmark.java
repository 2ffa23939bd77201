package org.heatgrid.control.mpc.solver;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall-time benchmark of a {@link PlanSolver} on {@link ProblemInstances#campusLike} problems.
 * Not a JMH harness: it warms up on one instance, then times every solve; good enough to compare
 * milliseconds against seconds. Run: {@code java -cp ... org.heatgrid.control.mpc.solver.SolverBenchmark}.
 */
public final class SolverBenchmark {

  /**
   * Timing summary.
   *
   * @param solves number of timed solves
   * @param medianMs median wall time
   * @param p99Ms 99th percentile (nearest rank)
   * @param maxMs slowest solve
   * @param meanIterations mean iterations per solve
   * @param notOptimal solves that did not end OPTIMAL
   */
  public record Result(String solver, int solves, double medianMs, double p99Ms, double maxMs,
      double meanIterations, int notOptimal) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%-10s solves %4d  median %9.2f ms  p99 %9.2f ms  max %9.2f ms  iterations %.1f"
              + "  not optimal %d", solver, solves, medianMs, p99Ms, maxMs, meanIterations,
          notOptimal);
    }
  }

  private static final SolverLimits BENCHMARK_LIMITS = new SolverLimits(200, Duration.ofMinutes(2));

  private SolverBenchmark() {}

  /** Solves {@code instances} problems {@code repeats} times each after a warm-up. */
  public static Result run(PlanSolver solver, int buildings, int steps, int instances,
      int repeats, long seed) {
    return run(solver, ProblemInstances::campusLike, buildings, steps, instances, repeats, seed);
  }

  /** Draws problems of one kind, e.g. {@link ProblemInstances#twoStateCampus}. */
  public interface Instances {
    PlanningProblem draw(int buildings, int steps, long seed);
  }

  /** As {@link #run(PlanSolver, int, int, int, int, long)} on problems of {@code kind}. */
  public static Result run(PlanSolver solver, Instances kind, int buildings, int steps,
      int instances, int repeats, long seed) {
    PlanningProblem warmUp = kind.draw(buildings, steps, seed - 1);
    for (int i = 0; i < Math.min(repeats * instances, 20); i++) {
      solver.solve(warmUp, BENCHMARK_LIMITS);
    }
    double[] millis = new double[instances * repeats];
    long iterations = 0;
    int notOptimal = 0;
    int count = 0;
    for (int i = 0; i < instances; i++) {
      PlanningProblem problem = kind.draw(buildings, steps, seed + i);
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        Plan plan = solver.solve(problem, BENCHMARK_LIMITS);
        millis[count++] = (System.nanoTime() - start) / 1e6;
        iterations += plan.iterations();
        notOptimal += plan.status() == SolveStatus.OPTIMAL ? 0 : 1;
      }
    }
    Arrays.sort(millis);
    int n = millis.length;
    return new Result(solver.name(), n, millis[(n - 1) / 2],
        millis[Math.max(0, (int) Math.ceil(0.99 * n) - 1)], millis[n - 1],
        (double) iterations / n, notOptimal);
  }

  /** Benchmarks both solvers on the 16-building, 96-step campus problem and prints a table. */
  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.println(run(new StructuredSolver(), 16, 96, instances, repeats, 1000));
    System.out.println(run(new OjAlgoSolver(), 16, 96, Math.max(1, instances / 10), 1, 1000));
    System.out.println("two-state chains (air and structure):");
    System.out.println(run(new StructuredSolver(), ProblemInstances::twoStateCampus, 16, 96,
        instances, repeats, 1000));
    System.out.println(run(new OjAlgoSolver(), ProblemInstances::twoStateCampus, 16, 96,
        Math.max(1, instances / 10), 1, 1000));
  }
}
