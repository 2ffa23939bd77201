package org.heatgrid.control.mpc.solver;

import java.time.Duration;
import java.util.Objects;

/**
 * Work limits of one solve.
 *
 * @param maxIterations iterations allowed (interior-point iterations for the structured solver)
 * @param timeLimit wall time allowed
 */
public record SolverLimits(int maxIterations, Duration timeLimit) {

  /** Generous for the structured solver, which needs 15-40 iterations and a few ms. */
  public static final SolverLimits DEFAULT = new SolverLimits(100, Duration.ofSeconds(2));

  public SolverLimits {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
    }
  }
}
