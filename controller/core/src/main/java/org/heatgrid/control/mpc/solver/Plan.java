package org.heatgrid.control.mpc.solver;

import java.util.Objects;

/**
 * A solver's answer. Arrays are indexed {@code [building][step]} and copied on construction;
 * array accessors return copies, indexed accessors such as {@link #heatKw(int, int)} do not.
 *
 * @param status how the solve ended
 * @param objective objective value of this plan (KRW), NaN when there is none
 * @param heatKw heat u[b][k] (kW)
 * @param tempC planned temperature T[b][k+1] (C)
 * @param slackK comfort shortfall s[b][k] (K)
 * @param peakKw cluster peak P (kW)
 * @param iterations solver iterations used
 * @param solveNanos wall time of the solve
 * @param message what happened, for logs; empty when optimal
 */
public record Plan(
    SolveStatus status,
    double objective,
    double[][] heatKw,
    double[][] tempC,
    double[][] slackK,
    double peakKw,
    int iterations,
    long solveNanos,
    String message) {

  public Plan {
    Objects.requireNonNull(status, "status");
    heatKw = deepCopy(heatKw);
    tempC = deepCopy(tempC);
    slackK = deepCopy(slackK);
    message = message == null ? "" : message;
  }

  /** A plan without numbers, for failures before or without a solution. */
  static Plan failed(SolveStatus status, int iterations, long solveNanos, String message) {
    double[][] none = new double[0][];
    return new Plan(status, Double.NaN, none, none, none, Double.NaN, iterations, solveNanos,
        message);
  }

  /** True when the plan is optimal and every number in it is finite. */
  public boolean usable() {
    return status == SolveStatus.OPTIMAL
        && Double.isFinite(objective)
        && Double.isFinite(peakKw)
        && heatKw.length > 0
        && allFinite(heatKw)
        && allFinite(tempC)
        && allFinite(slackK);
  }

  public double heatKw(int building, int step) {
    return heatKw[building][step];
  }

  public double tempC(int building, int step) {
    return tempC[building][step];
  }

  public double slackK(int building, int step) {
    return slackK[building][step];
  }

  @Override
  public double[][] heatKw() {
    return deepCopy(heatKw);
  }

  @Override
  public double[][] tempC() {
    return deepCopy(tempC);
  }

  @Override
  public double[][] slackK() {
    return deepCopy(slackK);
  }

  private static double[][] deepCopy(double[][] values) {
    Objects.requireNonNull(values, "plan arrays");
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i].clone();
    }
    return copy;
  }

  private static boolean allFinite(double[][] values) {
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }
}
