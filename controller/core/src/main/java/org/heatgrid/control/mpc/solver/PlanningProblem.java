package org.heatgrid.control.mpc.solver;

import java.util.List;

/**
 * The MPC planning problem of a building cluster over {@code steps} steps.
 *
 * <p>Minimise over heat u, slack s and cluster peak P:
 * <pre>
 *   sum_b sum_k [ price[k]*stepHours*u[b][k] + heatRegularization/2*u[b][k]^2
 *                 + slackLinear*s[b][k] + slackQuadratic/2*s[b][k]^2 ]
 *   + peakKrwPerKw*(P - peakFloorKw)
 * </pre>
 * subject to each building's chain, {@code T[b][k+1] + airPerKw_b*u[b][k] + s[b][k] >= low_b[k]},
 * {@code s >= 0},
 * {@code 0 <= u <= uMax}, {@code sum_b (u[b][k] + fixedLoad_b[k]) <= P} and
 * {@code peakFloorKw <= P <= clusterCapKw}. There is no upper comfort bound: the plan only heats.
 *
 * @param steps horizon N, >= 1
 * @param stepHours length of a step (h), > 0
 * @param priceKrwPerKwh heat price of each step, >= 0, length N
 * @param slackLinear cost per K of comfort shortfall per step, >= 0
 * @param slackQuadratic quadratic weight of the shortfall, >= 0
 * @param heatRegularization quadratic weight of heat (KRW/kW^2), >= 0; small, keeps plans smooth
 * @param peakKrwPerKw charge on the cluster peak above the floor, >= 0
 * @param peakFloorKw peak already reached this billing period (kW), >= 0
 * @param clusterCapKw hard cap of the cluster sum (kW), > 0, may be +Infinity
 * @param buildings the chains, each with arrays of length N
 */
public record PlanningProblem(
    int steps,
    double stepHours,
    double[] priceKrwPerKwh,
    double slackLinear,
    double slackQuadratic,
    double heatRegularization,
    double peakKrwPerKw,
    double peakFloorKw,
    double clusterCapKw,
    List<BuildingChain> buildings) {

  public PlanningProblem {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1: " + steps);
    }
    if (!(stepHours > 0) || Double.isInfinite(stepHours)) {
      throw new IllegalArgumentException("stepHours must be finite and > 0: " + stepHours);
    }
    priceKrwPerKwh = Checks.copy("priceKrwPerKwh", priceKrwPerKwh, true);
    if (priceKrwPerKwh.length != steps) {
      throw new IllegalArgumentException(
          "priceKrwPerKwh has length " + priceKrwPerKwh.length + ", expected steps " + steps);
    }
    Checks.nonNegative("slackLinear", slackLinear);
    Checks.nonNegative("slackQuadratic", slackQuadratic);
    Checks.nonNegative("heatRegularization", heatRegularization);
    Checks.nonNegative("peakKrwPerKw", peakKrwPerKw);
    Checks.nonNegative("peakFloorKw", peakFloorKw);
    if (!(clusterCapKw > 0)) {
      throw new IllegalArgumentException("clusterCapKw must be > 0 or +Infinity: " + clusterCapKw);
    }
    if (buildings == null || buildings.isEmpty()) {
      throw new IllegalArgumentException("buildings must not be empty");
    }
    for (int b = 0; b < buildings.size(); b++) {
      if (buildings.get(b) == null) {
        throw new IllegalArgumentException("building " + b + " is null");
      }
    }
    buildings = List.copyOf(buildings);
    for (int b = 0; b < buildings.size(); b++) {
      if (buildings.get(b).steps() != steps) {
        throw new IllegalArgumentException("building " + b + ": arrays w, low, uMax, fixedLoadKw"
            + " have length " + buildings.get(b).steps() + ", expected steps " + steps);
      }
    }
  }

  @Override
  public double[] priceKrwPerKwh() {
    return priceKrwPerKwh.clone();
  }

  public double priceKrwPerKwh(int k) {
    return priceKrwPerKwh[k];
  }

  public int buildingCount() {
    return buildings.size();
  }

  /** Sum of the buildings' fixed loads at step k (kW). */
  public double fixedLoadKw(int k) {
    double sum = 0;
    for (BuildingChain chain : buildings) {
      sum += chain.fixedLoadKw(k);
    }
    return sum;
  }
}
