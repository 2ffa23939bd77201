package org.heatgrid.control.mpc.solver;

/**
 * Checks a plan against its problem: every constraint, in the problem's own units (C, K, kW).
 * Stateless and thread-safe.
 */
public final class PlanChecker {

  /**
   * The largest violation of a plan and where it is.
   *
   * @param amount how far the constraint is violated (0 when all hold; +Infinity when the plan
   *     has no numbers or the wrong shape)
   * @param constraint which constraint, e.g. "dynamics b=3 k=17"
   */
  public record Violation(double amount, String constraint) {}

  private PlanChecker() {}

  /** The worst violated constraint of {@code plan}; amount 0 when it is feasible. */
  public static Violation worst(PlanningProblem problem, Plan plan) {
    int n = problem.steps();
    int buildings = problem.buildingCount();
    if (!shapeMatches(plan.heatKw(), buildings, n)
        || !shapeMatches(plan.tempC(), buildings, n)
        || !shapeMatches(plan.slackK(), buildings, n)) {
      return new Violation(Double.POSITIVE_INFINITY, "plan arrays do not match the problem");
    }
    Worst worst = new Worst();
    double peak = plan.peakKw();
    worst.see(problem.peakFloorKw() - peak, "peak floor", -1, -1);
    worst.see(peak - problem.clusterCapKw(), "cluster cap", -1, -1);
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = problem.buildings().get(b);
      double previous = chain.t0();
      // The structure has no column in a plan: it follows from the planned air and heat.
      double mass = chain.structure() == null ? 0 : chain.structure().m0();
      for (int k = 0; k < n; k++) {
        double u = plan.heatKw(b, k);
        double t = plan.tempC(b, k);
        double s = plan.slackK(b, k);
        double expected = chain.nextState(k, previous, mass, u);
        mass = chain.nextStructure(k, previous, mass, u);
        worst.see(Math.abs(t - expected), "dynamics", b, k);
        worst.see(chain.low(k) - chain.airC(t, u) - s, "comfort floor", b, k);
        worst.see(-s, "slack >= 0", b, k);
        worst.see(-u, "heat >= 0", b, k);
        worst.see(u - chain.uMax(k), "heat <= uMax", b, k);
        previous = t;
      }
    }
    for (int k = 0; k < n; k++) {
      double sum = problem.fixedLoadKw(k);
      for (int b = 0; b < buildings; b++) {
        sum += plan.heatKw(b, k);
      }
      worst.see(sum - peak, "cluster sum <= peak", -1, k);
    }
    return new Violation(worst.amount, worst.describe());
  }

  /** The problem's objective (KRW) at the given heat, slack and peak; the plan's T is not used. */
  public static double objective(
      PlanningProblem problem, double[][] heatKw, double[][] slackK, double peakKw) {
    double total = problem.peakKrwPerKw() * (peakKw - problem.peakFloorKw());
    for (int b = 0; b < heatKw.length; b++) {
      for (int k = 0; k < problem.steps(); k++) {
        double u = heatKw[b][k];
        double s = slackK[b][k];
        total += problem.priceKrwPerKwh(k) * problem.stepHours() * u
            + 0.5 * problem.heatRegularization() * u * u
            + problem.slackLinear() * s
            + 0.5 * problem.slackQuadratic() * s * s;
      }
    }
    return total;
  }

  private static boolean shapeMatches(double[][] values, int rows, int columns) {
    if (values.length != rows) {
      return false;
    }
    for (double[] row : values) {
      if (row.length != columns) {
        return false;
      }
    }
    return true;
  }

  /** Running maximum; NaN counts as an infinite violation. Text is built once, at the end. */
  private static final class Worst {
    double amount = 0;
    String kind = "none";
    int building = -1;
    int step = -1;

    void see(double violation, String kind, int building, int step) {
      double v = Double.isNaN(violation) ? Double.POSITIVE_INFINITY : violation;
      if (v > amount) {
        amount = v;
        this.kind = kind;
        this.building = building;
        this.step = step;
      }
    }

    String describe() {
      return kind + (building >= 0 ? " b=" + building : "") + (step >= 0 ? " k=" + step : "");
    }
  }
}
