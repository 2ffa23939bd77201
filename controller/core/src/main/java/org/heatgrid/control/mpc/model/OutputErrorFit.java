package org.heatgrid.control.mpc.model;

import java.util.List;
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
 * Output-error refinement: Levenberg-Marquardt on the physical parameters, minimising the error
 * of open-loop simulations over short windows of the training days, each restarted from the
 * measured temperature.
 *
 * <p>Why: the MPC predicts a day ahead, and a simulation's error, unlike a one-step residual, does
 * not put the noisy reading into the regressor, so it does not drag {@code a} towards 0. Windows
 * run from each midnight for {@link #WINDOW_HOURS}, like the MPC's horizon and the held-out score.
 * Shorter windows restart from more noisy readings and leave the fitted gains more biased (see
 * docs/decisions/0013-model-identification.md).
 *
 * <p>Parameters are {@code (ln UA, ln C, solar, gainsOccupied, gainsBase, airPerKw, occupiedAirK)}:
 * the logarithms keep UA and C positive, hence {@code 0 < a < 1}, without constraints. The air
 * offsets start at 0 (the least-squares start has none) and are fitted here only: a one-step
 * regression cannot tell them from the state. The Jacobian comes from the exact
 * sensitivity recursion of the model rather than finite differences. Gains the training days
 * cannot identify stay at the least-squares value (0).
 */
final class OutputErrorFit {

  static final double WINDOW_HOURS = 24;

  private static final Logger LOG = Logger.getLogger(OutputErrorFit.class.getName());
  private static final int MAX_ITERATIONS = 500;

  private final BuildingHistory history;
  private final List<StepSelection.Window> windows;
  private final FreeParameters parameters;

  private boolean negativeAir;

  private OutputErrorFit(StepSelection steps, LinearThermalFit.Result start, double windowHours,
      boolean airFree) {
    this.history = steps.history();
    this.windows = steps.windows(windowHours);
    ThermalModel m = start.model();
    this.parameters = new FreeParameters(
        new boolean[] {true, true, start.solarIdentifiable(), start.occupancyIdentifiable(), true,
            airFree, start.occupancyIdentifiable()},
        new double[] {Math.log(m.uaKwPerK()), Math.log(m.capacityKwhPerK()), m.solarKwPerWm2(),
            m.gainsOccupiedKw(), m.gainsBaseKw(), m.airPerKw(), m.occupiedAirK()});
  }

  /**
   * The refined model, or empty (logged) when the optimiser fails, leaves the plausible region
   * or does not reduce the windowed simulation error below the start's.
   */
  static Optional<ThermalModel> refine(StepSelection steps, LinearThermalFit.Result start) {
    return refine(steps, start, WINDOW_HOURS);
  }

  /** As {@link #refine(StepSelection, LinearThermalFit.Result)} with other window lengths. */
  static Optional<ThermalModel> refine(
      StepSelection steps, LinearThermalFit.Result start, double windowHours) {
    OutputErrorFit fit = new OutputErrorFit(steps, start, windowHours, true);
    Optional<ThermalModel> refined = fit.run(start.model());
    if (fit.negativeAir) {
      // Heat that seems to cool the air (thermostatic valves closing in warm rooms, where the
      // heat is lowest) is no physical offset: fit again without it.
      return new OutputErrorFit(steps, start, windowHours, false).run(start.model());
    }
    return refined;
  }

  private Optional<ThermalModel> run(ThermalModel start) {
    String id = history.buildingId();
    int[] observed = StepSelection.readingsIn(history, windows);
    if (observed.length == 0) {
      LOG.warning(() -> "building " + id + ": no simulation windows; keeping least squares");
      return Optional.empty();
    }
    double[] target = StepSelection.readingsAt(history, observed);
    ThermalModel refined;
    try {
      Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
          .start(parameters.start())
          .target(target)
          .model(point -> simulateWithSensitivities(point.toArray(), observed.length))
          .maxIterations(MAX_ITERATIONS)
          .maxEvaluations(MAX_ITERATIONS * 2)
          .build());
      double[] p = parameters.full(optimum.getPoint().toArray());
      if (p[5] < 0) {
        negativeAir = true;
        return Optional.empty();
      }
      refined = toModel(p);
    } catch (MathIllegalStateException | IllegalArgumentException e) {
      // Refinement is an improvement, not a requirement: least squares is still a valid model.
      LOG.warning(() -> "building " + id + ": output-error refinement failed (" + e.getMessage()
          + "); keeping least squares");
      return Optional.empty();
    }
    if (!(refined.a() > 0 && refined.a() < 1)) {
      LOG.warning(() -> "building " + id + ": refinement gave a = " + refined.a()
          + "; keeping least squares");
      return Optional.empty();
    }
    double before = FitScorer.meanSquaredSimulationError(start, history, windows);
    double after = FitScorer.meanSquaredSimulationError(refined, history, windows);
    if (!(after <= before)) {
      LOG.warning(() -> "building " + id + ": refinement did not reduce the simulation error ("
          + after + " vs " + before + " K2); keeping least squares");
      return Optional.empty();
    }
    return Optional.of(refined);
  }

  /**
   * Simulated air temperatures at the observed steps and their derivatives with respect to the
   * free parameters, from {@code dT[k+1] = a dT[k] + da (T[k] - To - q/UA) + (1 - a) d(q/UA)} with
   * {@code q = u + solar ghi + gainsOccupied occ + gainsBase}, plus the air offset's terms; each
   * window's state starts from the reading minus the offset.
   */
  private Pair<RealVector, RealMatrix>
      simulateWithSensitivities(double[] freePoint, int observations) {
    double[] p = parameters.full(freePoint);
    double ua = Math.exp(p[0]);
    double capacity = Math.exp(p[1]);
    double dt = history.stepHours();
    double a = Math.exp(-dt * ua / capacity);
    double daDLnUa = -a * dt * ua / capacity;
    double daDLnC = -daDLnUa;
    double[] values = new double[observations];
    double[][] jacobian = new double[observations][parameters.count()];
    int row = 0;
    for (StepSelection.Window w : windows) {
      int before = w.first() - 1;
      double heatBefore = FitScorer.heatNear(history, before);
      double occBefore = history.occupied()[before] ? 1 : 0;
      double t = history.indoorC()[before] - p[5] * heatBefore - p[6] * occBefore;
      double[] dT = new double[7];
      dT[5] = -heatBefore;
      dT[6] = -occBefore;
      for (int k = w.first(); k < w.end(); k++) {
        double outdoor = history.outdoorC()[k];
        double ghi = history.ghiWm2()[k];
        double occ = history.occupied()[k] ? 1 : 0;
        double u = history.heatKw()[k];
        double q = u + p[2] * ghi + p[3] * occ + p[4];
        double equilibriumGap = t - outdoor - q / ua;
        double[] next = {
            a * dT[0] + daDLnUa * equilibriumGap - (1 - a) * q / ua,
            a * dT[1] + daDLnC * equilibriumGap,
            a * dT[2] + (1 - a) * ghi / ua,
            a * dT[3] + (1 - a) * occ / ua,
            a * dT[4] + (1 - a) / ua,
            a * dT[5],
            a * dT[6]};
        t = a * t + (1 - a) * (outdoor + q / ua);
        dT = next;
        if (!Double.isNaN(history.indoorC()[k])) {
          values[row] = t + p[5] * u + p[6] * occ;
          double[] outputDerivative = dT.clone();
          outputDerivative[5] += u;
          outputDerivative[6] += occ;
          jacobian[row] = parameters.freeOf(outputDerivative);
          row++;
        }
      }
    }
    return new Pair<>(new ArrayRealVector(values, false),
        new Array2DRowRealMatrix(jacobian, false));
  }

  private ThermalModel toModel(double[] p) {
    return new ThermalModel(history.stepHours(), Math.exp(p[0]), Math.exp(p[1]), p[2], p[3], p[4],
        p[5], p[6]);
  }
}
