package org.heatgrid.control.mpc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * One-step ordinary least squares on the linear form of the model,
 *
 * <pre>
 *   T[k+1] - To[k] = a (T[k] - To[k]) + b1 u[k] + b2 ghi[k] + b3 occ[k] + b4
 * </pre>
 *
 * solved by QR, then mapped back to physics: {@code UA = (1 - a) / b1}, {@code C = -dt UA / ln a},
 * and each gain is its coefficient over {@code b1}.
 *
 * <p>This is fast and needs no start, but noise on the 15-minute readings sits in the regressor
 * {@code T[k]} and biases {@code a} towards 0; as {@code 1 - a} is small (about {@code dt / tau}),
 * UA and C come out noticeably off. It is the start for {@link OutputErrorFit}.
 *
 * <p>A regressor that never varies on the training days (no sun, always or never occupied) cannot
 * be told from the constant: it is left out and its gain set to 0, so the constant absorbs it.
 */
final class LinearThermalFit {

  /**
   * The least-squares model and which gains the training days can identify at all ({@code false}:
   * the gain was fixed at 0).
   */
  record Result(ThermalModel model, boolean solarIdentifiable, boolean occupancyIdentifiable) {}

  /** Fewer transitions than this cannot tell five coefficients from the noise. */
  static final int MIN_TRANSITIONS = 50;

  private LinearThermalFit() {}

  static Result fit(StepSelection steps) {
    BuildingHistory h = steps.history();
    String id = h.buildingId();
    int[] rows = steps.transitions();
    if (rows.length == 0) {
      throw new IdentificationException(id, "no usable training steps (every step misses a "
          + "reading of heat, indoor or outdoor temperature or irradiance, or is held out)");
    }
    if (rows.length < MIN_TRANSITIONS) {
      throw new IdentificationException(id, "only " + rows.length + " usable training steps; "
          + "needs at least " + MIN_TRANSITIONS);
    }
    requireHeatExcitation(id, h.heatKw(), rows);
    boolean withSolar = varies(rows, k -> h.ghiWm2()[k]);
    boolean withOccupancy = varies(rows, k -> h.occupied()[k] ? 1 : 0);

    double[] y = new double[rows.length];
    double[][] x = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      int k = rows[i];
      double outdoor = h.outdoorC()[k];
      y[i] = h.indoorC()[k] - outdoor;
      List<Double> regressors = new ArrayList<>(5);
      regressors.add(h.indoorC()[k - 1] - outdoor);
      regressors.add(h.heatKw()[k]);
      if (withSolar) {
        regressors.add(h.ghiWm2()[k]);
      }
      if (withOccupancy) {
        regressors.add(h.occupied()[k] ? 1.0 : 0.0);
      }
      regressors.add(1.0);
      x[i] = regressors.stream().mapToDouble(Double::doubleValue).toArray();
    }
    double[] beta = solve(id, y, x);
    double a = beta[0];
    double b1 = beta[1];
    int next = 2;
    double b2 = withSolar ? beta[next++] : 0;
    double b3 = withOccupancy ? beta[next++] : 0;
    double b4 = beta[next];
    if (!(a > 0 && a < 1)) {
      throw new IdentificationException(id, "least squares gives an implausible decay factor a = "
          + a + " (needs 0 < a < 1)");
    }
    if (!(b1 > 0)) {
      throw new IdentificationException(id, "least squares gives heat a non-positive effect on "
          + "indoor temperature (" + b1 + " K/kW per step), so UA would not be positive");
    }
    double ua = (1 - a) / b1;
    double capacity = -h.stepHours() * ua / Math.log(a);
    ThermalModel model =
        new ThermalModel(h.stepHours(), ua, capacity, b2 / b1, b3 / b1, b4 / b1);
    return new Result(model, withSolar, withOccupancy);
  }

  private static double[] solve(String id, double[] y, double[][] x) {
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
    ols.setNoIntercept(true); // the constant column is explicit, so its position is known
    ols.newSampleData(y, x);
    try {
      return ols.estimateRegressionParameters();
    } catch (SingularMatrixException e) {
      throw new IdentificationException(id, "the regressors are collinear on the training days ("
          + e.getMessage() + ")");
    }
  }

  /**
   * Without heat that varies independently of the rest, {@code b1} (and so UA and C) is not
   * identifiable; a constant heat input is indistinguishable from the base gains.
   */
  private static void requireHeatExcitation(String id, double[] heatKw, int[] rows) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int k : rows) {
      min = Math.min(min, heatKw[k]);
      max = Math.max(max, heatKw[k]);
    }
    if (max - min <= 1e-6 * Math.max(1, Math.abs(max))) {
      throw new IdentificationException(id, "no heat excitation: heat is constant at " + max
          + " kW over the training steps, so UA and C cannot be identified");
    }
  }

  private static boolean varies(int[] rows, IntToDoubleFunction value) {
    double first = value.applyAsDouble(rows[0]);
    for (int k : rows) {
      if (value.applyAsDouble(k) != first) {
        return true;
      }
    }
    return false;
  }
}
