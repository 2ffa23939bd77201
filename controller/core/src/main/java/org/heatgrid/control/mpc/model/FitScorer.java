package org.heatgrid.control.mpc.model;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/** Scores a {@link ThermalModel} on a {@link StepSelection}: see {@link FitQuality}. */
final class FitScorer {

  /** The MPC plans a day ahead, so simulations run from each midnight to the next. */
  static final double HORIZON_HOURS = 24;

  private FitScorer() {}

  static FitQuality score(ThermalModel model, StepSelection steps) {
    BuildingHistory h = steps.history();
    return score(steps, k -> predictAir(model, h, stateFromReading(model, h, k - 1), k),
        w -> simulate(model, h, w));
  }

  /**
   * Scores any model by its one-step prediction of the air at the end of step k from the readings
   * before it, and by its open-loop simulation of a window.
   */
  static FitQuality score(StepSelection steps, IntToDoubleFunction oneStepAir,
      Function<StepSelection.Window, double[]> simulation) {
    double[] indoor = steps.history().indoorC();
    int[] transitions = steps.transitions();
    if (transitions.length == 0) {
      return FitQuality.none(HORIZON_HOURS);
    }
    double oneStepSquares = 0;
    for (int k : transitions) {
      double error = oneStepAir.applyAsDouble(k) - indoor[k];
      oneStepSquares += error * error;
    }
    SimulationErrors horizon = simulationErrors(indoor, steps.windows(HORIZON_HOURS), simulation);
    return new FitQuality(
        transitions.length,
        Math.sqrt(oneStepSquares / transitions.length),
        Math.sqrt(horizon.meanSquare()),
        HORIZON_HOURS,
        horizon.mean());
  }

  /** Mean squared open-loop error over the given windows, K2 (NaN without readings). */
  static double meanSquaredSimulationError(
      ThermalModel model, BuildingHistory h, List<StepSelection.Window> windows) {
    return simulationErrors(h.indoorC(), windows, w -> simulate(model, h, w)).meanSquare();
  }

  /** Sums of simulated-minus-measured errors over every reading inside the windows. */
  private record SimulationErrors(double sum, double squares, int count) {
    double mean() {
      return count == 0 ? Double.NaN : sum / count;
    }

    double meanSquare() {
      return count == 0 ? Double.NaN : squares / count;
    }
  }

  private static SimulationErrors simulationErrors(double[] indoor,
      List<StepSelection.Window> windows, Function<StepSelection.Window, double[]> simulation) {
    double sum = 0;
    double squares = 0;
    int count = 0;
    for (StepSelection.Window w : windows) {
      double[] simulated = simulation.apply(w);
      for (int k = w.first(); k < w.end(); k++) {
        if (!Double.isNaN(indoor[k])) {
          double error = simulated[k - w.first()] - indoor[k];
          sum += error;
          squares += error * error;
          count++;
        }
      }
    }
    return new SimulationErrors(sum, squares, count);
  }

  /**
   * Open-loop air temperatures at the end of each step of the window, starting from the reading
   * at the end of the step before it and driven by the measured inputs.
   */
  static double[] simulate(ThermalModel model, BuildingHistory h, StepSelection.Window w) {
    double[] simulated = new double[w.end() - w.first()];
    double t = stateFromReading(model, h, w.first() - 1);
    for (int k = w.first(); k < w.end(); k++) {
      simulated[k - w.first()] = predictAir(model, h, t, k);
      t = model.next(t, h.heatKw()[k], h.outdoorC()[k], h.ghiWm2()[k], h.occupied()[k]);
    }
    return simulated;
  }

  /** The model's state behind the reading at the end of step k. */
  static double stateFromReading(ThermalModel model, BuildingHistory h, int k) {
    return h.indoorC()[k] - model.airOffsetK(heatNear(h, k), h.occupied()[k]);
  }

  /** Heat of step k, or of the next step when k's is missing (0 when both are). */
  static double heatNear(BuildingHistory h, int k) {
    double[] heat = h.heatKw();
    if (!Double.isNaN(heat[k])) {
      return heat[k];
    }
    return k + 1 < heat.length && !Double.isNaN(heat[k + 1]) ? heat[k + 1] : 0;
  }

  /** The air at the end of step k from the state at its start. */
  private static double predictAir(ThermalModel model, BuildingHistory h, double t, int k) {
    double next = model.next(t, h.heatKw()[k], h.outdoorC()[k], h.ghiWm2()[k], h.occupied()[k]);
    return next + model.airOffsetK(h.heatKw()[k], h.occupied()[k]);
  }
}
