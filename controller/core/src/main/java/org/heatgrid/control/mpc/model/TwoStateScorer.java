package org.heatgrid.control.mpc.model;

/** Scores a {@link TwoStateModel} on a {@link StepSelection} as {@link FitScorer} does. */
final class TwoStateScorer {

  private TwoStateScorer() {}

  static FitQuality score(TwoStateModel model, StepSelection steps) {
    BuildingHistory h = steps.history();
    double[] indoor = h.indoorC();
    double[] mass = TwoStateFit.massTrack(model, h);
    TwoStateModel.Discrete d = model.discrete();
    int[] transitions = steps.transitions();
    if (transitions.length == 0) {
      return FitQuality.none(FitScorer.HORIZON_HOURS);
    }
    double oneStepSquares = 0;
    for (int k : transitions) {
      double[] next = TwoStateFit.simulate(model, d, h, mass, new StepSelection.Window(k, k + 1));
      double error = next[0] - indoor[k];
      oneStepSquares += error * error;
    }
    double sum = 0;
    double squares = 0;
    int count = 0;
    for (StepSelection.Window w : steps.windows(FitScorer.HORIZON_HOURS)) {
      double[] simulated = TwoStateFit.simulate(model, d, h, mass, w);
      for (int k = w.first(); k < w.end(); k++) {
        if (!Double.isNaN(indoor[k])) {
          double error = simulated[k - w.first()] - indoor[k];
          sum += error;
          squares += error * error;
          count++;
        }
      }
    }
    return new FitQuality(transitions.length, Math.sqrt(oneStepSquares / transitions.length),
        count == 0 ? Double.NaN : Math.sqrt(squares / count), FitScorer.HORIZON_HOURS,
        count == 0 ? Double.NaN : sum / count);
  }
}
