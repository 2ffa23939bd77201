package org.heatgrid.control.mpc.solver;

/**
 * One building's thermal chain over N steps. Without {@code structure} it is first order,
 * {@code T[k+1] = a*T[k] + g*u[k] + w[k]}, and its comfort floor holds for the air,
 * {@code T[k+1] + airPerKw*u[k]}: the state is the building's slow temperature, and the
 * radiators' heat of a step lifts the air above it at once. With a {@link Structure} the state T
 * is the air itself and a second, unmeasured state M (the structure) stores heat:
 * {@code T[k+1] = a*T[k] + structure.fromStructure*M[k] + g*u[k] + w[k]} and
 * {@code M[k+1] = structure.fromAir*T[k] + structure.retention*M[k] + structure.heatGain*u[k]
 * + structure.drive[k]}, so a plan can preheat the structure and let the air draw on it.
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
 *     comfort row is {@code T[k+1] + airPerKw*u[k] + s[k] >= low[k]}; 0 with a structure
 * @param structure the second state, or null for a first-order chain
 */
public record BuildingChain(
    double a, double g, double t0, double[] w, double[] low, double[] uMax, double[] fixedLoadKw,
    double airPerKw, Structure structure) {

  /** A chain whose floor holds for the state itself (no air offset). */
  public BuildingChain(double a, double g, double t0, double[] w, double[] low, double[] uMax,
      double[] fixedLoadKw) {
    this(a, g, t0, w, low, uMax, fixedLoadKw, 0, null);
  }

  /** A first-order chain with an air offset. */
  public BuildingChain(double a, double g, double t0, double[] w, double[] low, double[] uMax,
      double[] fixedLoadKw, double airPerKw) {
    this(a, g, t0, w, low, uMax, fixedLoadKw, airPerKw, null);
  }

  /**
   * A two-state chain: air T (the state the floor holds for) and structure M.
   *
   * @param airRetention T[k+1] per K of T[k], in (0, 1]
   * @param heatToAir T[k+1] per kW of heat, > 0
   * @param air0 measured air T[0] (C)
   * @param airDrive the air's free drive of each step (C)
   */
  public static BuildingChain twoState(double airRetention, double heatToAir, double air0,
      double[] airDrive, Structure structure, double[] low, double[] uMax, double[] fixedLoadKw) {
    if (structure == null) {
      throw new IllegalArgumentException("structure must not be null for a two-state chain");
    }
    return new BuildingChain(airRetention, heatToAir, air0, airDrive, low, uMax, fixedLoadKw, 0,
        structure);
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
    if (structure != null) {
      if (airPerKw != 0) {
        throw new IllegalArgumentException("a two-state chain has no air offset: airPerKw "
            + airPerKw);
      }
      if (structure.drive.length != w.length) {
        throw new IllegalArgumentException("building structure drive has length "
            + structure.drive.length + ", expected " + w.length);
      }
    }
  }

  /**
   * The second state of a two-state chain, the structure M, which has no sensor.
   *
   * @param fromStructure T[k+1] per K of M[k], >= 0
   * @param fromAir M[k+1] per K of T[k], >= 0
   * @param retention M[k+1] per K of M[k], in (0, 1]
   * @param heatGain M[k+1] per kW of heat u[k], >= 0
   * @param m0 estimated M[0] (C)
   * @param drive the structure's free drive of each step (C), length N
   */
  public record Structure(double fromStructure, double fromAir, double retention,
      double heatGain, double m0, double[] drive) {

    public Structure {
      Checks.nonNegative("structure fromStructure", fromStructure);
      Checks.nonNegative("structure fromAir", fromAir);
      if (!(retention > 0 && retention <= 1)) {
        throw new IllegalArgumentException("structure retention must be in (0, 1]: " + retention);
      }
      Checks.nonNegative("structure heatGain", heatGain);
      Checks.finite("structure m0", m0);
      drive = Checks.copy("structure drive", drive, false);
    }

    @Override
    public double[] drive() {
      return drive.clone();
    }

    public double drive(int k) {
      return drive[k];
    }
  }

  /**
   * The state path under {@code heatKw}: {@code [0][k]} is T[k+1] (the plan's temperatures),
   * {@code [1][k]} the structure M[k+1] (zeros for a first-order chain).
   */
  public double[][] simulate(double[] heatKw) {
    int n = w.length;
    double[] t = new double[n];
    double[] m = new double[n];
    double previous = t0;
    double mass = structure == null ? 0 : structure.m0;
    for (int k = 0; k < n; k++) {
      double next = nextState(k, previous, mass, heatKw[k]);
      if (structure != null) {
        mass = nextStructure(k, previous, mass, heatKw[k]);
        m[k] = mass;
      }
      t[k] = next;
      previous = next;
    }
    return new double[][] {t, m};
  }

  /** T[k+1] from T[k], M[k] (ignored without a structure) and u[k]. */
  public double nextState(int k, double t, double mass, double heatKw) {
    double next = a * t + g * heatKw + w[k];
    return structure == null ? next : next + structure.fromStructure * mass;
  }

  /** M[k+1] from T[k], M[k] and u[k]; 0 without a structure. */
  public double nextStructure(int k, double t, double mass, double heatKw) {
    if (structure == null) {
      return 0;
    }
    return structure.fromAir * t + structure.retention * mass + structure.heatGain * heatKw
        + structure.drive[k];
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
