package org.heatgrid.control.mpc.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Identifies a {@link TwoStateModel} by output error, as {@link OutputErrorFit} does the one-state
 * model: Levenberg-Marquardt on the error of open-loop simulations from each midnight over the
 * training days. The structure has no sensor, so each simulation starts from the air reading and
 * from the structure's temperature that the air readings before it imply ({@link #massTrack}):
 * the structure driven by the measured air, which is how a controller estimates it online too.
 *
 * <p>Parameters are {@code (ln Hao, ln Ham, ln Hmo, ln Ca, ln Cm, solar, gainsOccupied,
 * gainsBase)}: logarithms keep conductances and capacities positive. The start comes from the
 * one-state model (its UA and C, its air offset for the air-structure conductance). The Jacobian
 * is taken by forward differences: eight parameters, a simulation of the training days each.
 */
final class TwoStateFit {

  private static final Logger LOG = Logger.getLogger(TwoStateFit.class.getName());
  // The buildings' structures often lose almost nothing to outdoors directly (Hmo -> 0): its
  // logarithm then drifts slowly, so the stop is on the cost, not on the parameters.
  private static final int MAX_ITERATIONS = 1000;
  private static final double COST_TOLERANCE = 1e-8;
  /** The air's time constant the start assumes, hours. */
  private static final double START_AIR_HOURS = 0.5;
  /**
   * Most heat a fitted model may store per kelvin, as a multiple of the one-state capacity. Under
   * a controller that holds the air steady, a structure of unbounded capacity that pins the air
   * near a fixed temperature fits the readings about as well as the building does; it predicts
   * that the air stays warm without heat, and a plan that believes it leaves the building cold.
   * Plausible fits store 1-2x the one-state capacity (decision 0027).
   */
  static final double MAX_CAPACITY_RATIO = 3;

  private final BuildingHistory history;
  private final List<StepSelection.Window> windows;
  private final FreeParameters parameters;
  private final int[] observed;
  private final double oneStateCapacity;

  private TwoStateFit(StepSelection steps, LinearThermalFit.Result identifiable, ThermalModel one) {
    this.history = steps.history();
    this.windows = steps.windows(OutputErrorFit.WINDOW_HOURS);
    this.parameters = new FreeParameters(new boolean[] {true, true, true, true, true,
        identifiable.solarIdentifiable(), identifiable.occupancyIdentifiable(), true}, start(one));
    this.observed = StepSelection.readingsIn(history, windows);
    this.oneStateCapacity = one.capacityKwhPerK();
  }

  /**
   * The two-state model of the training days, or empty (logged) when there is nothing to fit or
   * the optimiser fails.
   */
  static Optional<TwoStateModel> fit(
      StepSelection training, LinearThermalFit.Result identifiable, ThermalModel oneState) {
    return new TwoStateFit(training, identifiable, oneState).run();
  }

  private Optional<TwoStateModel> run() {
    String id = history.buildingId();
    if (observed.length == 0) {
      LOG.warning(() -> "building " + id + ": no simulation windows for the two-state model");
      return Optional.empty();
    }
    double[] target = StepSelection.readingsAt(history, observed);
    try {
      Optimum optimum = new LevenbergMarquardtOptimizer()
          .withCostRelativeTolerance(COST_TOLERANCE).optimize(new LeastSquaresBuilder()
          .start(parameters.start())
          .target(target)
          .model(point -> valueAndJacobian(point.toArray()))
          .maxIterations(MAX_ITERATIONS)
          .maxEvaluations(MAX_ITERATIONS * 2)
          .build());
      TwoStateModel model = toModel(parameters.full(optimum.getPoint().toArray()));
      String implausible = implausibility(model, oneStateCapacity);
      if (implausible != null) {
        LOG.warning(() -> "building " + id + ": two-state fit refused: " + implausible);
        return Optional.empty();
      }
      return Optional.of(model);
    } catch (MathIllegalStateException | IllegalArgumentException e) {
      LOG.warning(() -> "building " + id + ": two-state fit failed (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /** Why a fitted model cannot be planned with, or null when it can. */
  static String implausibility(TwoStateModel m, double oneStateCapacityKwhPerK) {
    double stored = m.airCapacityKwhPerK() + m.massCapacityKwhPerK();
    if (stored > MAX_CAPACITY_RATIO * oneStateCapacityKwhPerK) {
      return String.format(Locale.ROOT,
          "it stores %.0f kWh/K, more than %.0f x the one-state model's %.0f kWh/K: the history "
              + "never exercised such a store (more varied heating would tell)", stored,
          MAX_CAPACITY_RATIO, oneStateCapacityKwhPerK);
    }
    return null;
  }

  private double[] start(ThermalModel one) {
    double ua = one.uaKwPerK();
    // The one-state air offset (K per kW) is about 1 / (Hao + Ham): how far a kW lifts the air
    // above the structure. Without one, the air is assumed coupled tightly (Ham = 10 UA).
    double coupling = one.airPerKw() > 0 ? 1 / one.airPerKw() : 10 * ua;
    double hao = 0.3 * ua;
    double ham = Math.max(2 * ua, coupling - hao);
    double effective = ua - hao;
    double hmo = effective * ham / (ham - effective);
    double ca = START_AIR_HOURS * (hao + ham);
    return new double[] {Math.log(hao), Math.log(ham), Math.log(hmo), Math.log(ca),
        Math.log(one.capacityKwhPerK()), one.solarKwPerWm2(), one.gainsOccupiedKw(),
        one.gainsBaseKw()};
  }

  private Pair<RealVector, RealMatrix> valueAndJacobian(double[] freePoint) {
    double[] base = simulateObserved(parameters.full(freePoint));
    double[][] jacobian = new double[observed.length][freePoint.length];
    for (int j = 0; j < freePoint.length; j++) {
      double[] shifted = freePoint.clone();
      double h = 1e-6 * Math.max(1, Math.abs(freePoint[j]));
      shifted[j] += h;
      double[] moved = simulateObserved(parameters.full(shifted));
      for (int i = 0; i < observed.length; i++) {
        jacobian[i][j] = (moved[i] - base[i]) / h;
      }
    }
    return new Pair<>(new ArrayRealVector(base, false), new Array2DRowRealMatrix(jacobian, false));
  }

  private double[] simulateObserved(double[] p) {
    TwoStateModel model = toModel(p);
    double[] out = new double[observed.length];
    int row = 0;
    double[] mass = massTrack(model, history);
    TwoStateModel.Discrete d = model.discrete();
    for (StepSelection.Window w : windows) {
      double[] simulated = simulate(model, d, history, mass, w);
      for (int k = w.first(); k < w.end(); k++) {
        if (!Double.isNaN(history.indoorC()[k])) {
          out[row++] = simulated[k - w.first()];
        }
      }
    }
    return out;
  }

  /**
   * The structure's temperature at the end of every step, driven by the air readings (the last
   * one held over a missing reading) from a settled start at the first reading.
   */
  static double[] massTrack(TwoStateModel model, BuildingHistory h) {
    double[] indoor = h.indoorC();
    double[] outdoor = h.outdoorC();
    double[] mass = new double[indoor.length];
    double air = Double.NaN;
    double to = Double.NaN;
    double m = Double.NaN;
    for (int k = 0; k < indoor.length; k++) {
      if (!Double.isNaN(outdoor[k])) {
        to = outdoor[k];
      }
      if (!Double.isNaN(indoor[k])) {
        air = indoor[k];
      }
      if (Double.isNaN(m)) {
        m = Double.isNaN(air) || Double.isNaN(to) ? Double.NaN : model.steadyMassC(air, to);
      } else {
        m = model.massFollowingAir(m, air, to);
      }
      mass[k] = m;
    }
    return mass;
  }

  /** Open-loop air temperatures over one window, as the fit and the scorer simulate them. */
  static double[] simulate(TwoStateModel model, TwoStateModel.Discrete d, BuildingHistory h,
      double[] mass, StepSelection.Window w) {
    double[] out = new double[w.end() - w.first()];
    double air = h.indoorC()[w.first() - 1];
    double m = mass[w.first() - 1];
    if (Double.isNaN(m)) {
      m = model.steadyMassC(air, h.outdoorC()[w.first()]);
    }
    for (int k = w.first(); k < w.end(); k++) {
      double q = h.heatKw()[k] + model.freeGainsKw(h.ghiWm2()[k], h.occupied()[k]);
      double nextAir = d.nextAir(air, m, q, h.outdoorC()[k]);
      m = d.nextMass(air, m, q, h.outdoorC()[k]);
      air = nextAir;
      out[k - w.first()] = air;
    }
    return out;
  }

  private TwoStateModel toModel(double[] p) {
    return new TwoStateModel(history.stepHours(), Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]),
        Math.exp(p[3]), Math.exp(p[4]), p[5], p[6], p[7]);
  }
}
