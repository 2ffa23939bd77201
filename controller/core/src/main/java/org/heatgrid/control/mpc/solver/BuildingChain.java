package org.heatgrid.control.mpc.solver;

/**
 * One building's first-order thermal chain {@code T[k+1] = a*T[k] + g*u[k] + w[k]} over N steps,
 * whose comfort floor holds for the air, {@code T[k+1] + airPerKw*u[k]}: the state is the
 * building's slow temperature, and the radiators' heat of a step lifts the air above it at once.
 *
 * <p>The arrays are copied on construction and each array accessor returns a fresh copy; inside
 * loops use the indexed accessors such as {@link #w(int)}.
 *
 * @param a heat retention per step, in (0, 1]
 * @param g temperature rise per kW of heat per step (K/kW), > 0
 * @param t0 known temperature T[0] (C)
 * @param w free drive of step k (C), length N
 * @param low comfort floor for T[k+1] (C), length N; soft, violations are paid as slack
 * @param uMax upper bound of heat u[k] (kW), finite and >= 0, length N
 * @param fixedLoadKw uncontrollable load (hot water) counted in the cluster sum (kW), >= 0
 * @param airPerKw air above the state per kW of the step's heat (K/kW), finite and >= 0; the
 *     comfort row is {@code T[k+1] + airPerKw*u[k] + s[k] >= low[k]}
 */
public record BuildingChain(
    double a, double g, double t0, double[] w, double[] low, double[] uMax, double[] fixedLoadKw,
    double airPerKw) {

  /** A chain whose floor holds for the state itself (no air offset). */
  public BuildingChain(double a, double g, double t0, double[] w, double[] low, double[] uMax,
      double[] fixedLoadKw) {
    this(a, g, t0, w, low, uMax, fixedLoadKw, 0);
  }

  public BuildingChain {
    if (!(a > 0 && a <= 1)) {
      throw new IllegalArgumentException("building a must be in (0, 1]: " + a);
    }
    if (!(g > 0) || Double.isInfinite(g)) {
      throw new IllegalArgumentException("building g must be finite and > 0: " + g);
    }
    Checks.finite("building t0", t0);
    if (!(airPerKw >= 0) || Double.isInfinite(airPerKw)) {
      throw new IllegalArgumentException("building airPerKw must be finite and >= 0: " + airPerKw);
    }
    w = Checks.copy("building w", w, false);
    low = Checks.copy("building low", low, false);
    uMax = Checks.copy("building uMax", uMax, true);
    fixedLoadKw = Checks.copy("building fixedLoadKw", fixedLoadKw, true);
    if (low.length != w.length || uMax.length != w.length || fixedLoadKw.length != w.length) {
      throw new IllegalArgumentException("building arrays must have equal lengths: w " + w.length
          + ", low " + low.length + ", uMax " + uMax.length + ", fixedLoadKw "
          + fixedLoadKw.length);
    }
  }

  /** The air temperature the comfort floor is for, at state {@code tNext} and heat {@code u}. */
  public double airC(double tNext, double u) {
    return tNext + airPerKw * u;
  }

  /** Number of steps of the arrays. */
  public int steps() {
    return w.length;
  }

  @Override
  public double[] w() {
    return w.clone();
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] uMax() {
    return uMax.clone();
  }

  @Override
  public double[] fixedLoadKw() {
    return fixedLoadKw.clone();
  }

  public double w(int k) {
    return w[k];
  }

  public double low(int k) {
    return low[k];
  }

  public double uMax(int k) {
    return uMax[k];
  }

  public double fixedLoadKw(int k) {
    return fixedLoadKw[k];
  }
}
