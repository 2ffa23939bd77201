package org.heatgrid.control.mpc.model;

/** Scores a {@link TwoStateModel} on a {@link StepSelection} as {@link FitScorer} does. */
final class TwoStateScorer {

  private TwoStateScorer() {}

  static FitQuality score(TwoStateModel model, StepSelection steps) {
    BuildingHistory h = steps.history();
    double[] mass = TwoStateFit.massTrack(model, h);
    TwoStateModel.Discrete d = model.discrete();
    return FitScorer.score(steps,
        k -> TwoStateFit.simulate(model, d, h, mass, new StepSelection.Window(k, k + 1))[0],
        w -> TwoStateFit.simulate(model, d, h, mass, w));
  }
}
