package org.heatgrid.control.mpc.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Identifies a building's {@link ThermalModel} and {@link EmitterCurve} from its telemetry.
 *
 * <p>Method: ordinary least squares on the linear one-step form ({@link LinearThermalFit}) gives
 * physical parameters; Levenberg-Marquardt then minimises the error of open-loop simulations
 * from each midnight, restarted from the measurements after gaps ({@link OutputErrorFit}), because one-step least squares on noisy readings biases {@code a} towards 0
 * while the MPC needs multi-hour predictions. If the refinement fails or does not improve the
 * simulation error, the least-squares model stands; if least squares itself is implausible, an
 * {@link IdentificationException} is thrown.
 *
 * <p>Held-out days are never used for fitting, not even the reading at their last step (it is the
 * next day's starting state); they are only scored. Stateless and thread-safe.
 */
public final class ModelIdentifier {

  private ModelIdentifier() {}

  /**
   * Identifies one building.
   *
   * @param heldOutDays days excluded from fitting and scored in {@link IdentifiedModel#heldOut()}
   *     (may be empty)
   * @throws IdentificationException naming the building and the reason when the training days
   *     cannot give a plausible thermal model or an emitter curve
   */
  public static IdentifiedModel identify(BuildingHistory history, Set<LocalDate> heldOutDays) {
    StepSelection training = StepSelection.training(history, heldOutDays);
    LinearThermalFit.Result leastSquares = LinearThermalFit.fit(training);
    ThermalModel model = OutputErrorFit.refine(training, leastSquares)
        .filter(refined -> closeTo(refined, leastSquares.model()))
        .orElse(leastSquares.model());
    return new IdentifiedModel(
        history.buildingId(),
        model,
        FitScorer.score(model, training),
        FitScorer.score(model, StepSelection.heldOut(history, heldOutDays)),
        EmitterFit.fit(training));
  }

  /**
   * Identifies one building's {@link TwoStateModel} on the same training days, starting from its
   * one-state model ({@link #identify}), and scores it on the held-out days as the one-state
   * model is scored.
   *
   * @throws IdentificationException naming the building when the two-state fit fails
   */
  public static IdentifiedTwoState identifyTwoState(
      BuildingHistory history, Set<LocalDate> heldOutDays, ThermalModel oneState) {
    StepSelection training = StepSelection.training(history, heldOutDays);
    LinearThermalFit.Result identifiable = LinearThermalFit.fit(training);
    TwoStateModel model = TwoStateFit.fit(training, identifiable,
            oneState.withStep(history.stepHours()))
        .orElseThrow(() -> new IdentificationException(history.buildingId(),
            "the two-state model could not be fitted (see the log)"));
    return new IdentifiedTwoState(history.buildingId(), model,
        TwoStateScorer.score(model, training),
        TwoStateScorer.score(model, StepSelection.heldOut(history, heldOutDays)));
  }

  /**
   * Scores a model, identified elsewhere, on some days of a history as {@link #identify} scores
   * its held-out days: so that two models can be compared on the same days (the re-learning gate).
   */
  public static FitQuality score(ThermalModel model, BuildingHistory history, Set<LocalDate> days) {
    return FitScorer.score(model.withStep(history.stepHours()), StepSelection.heldOut(history, days));
  }

  /** As {@link #score(ThermalModel, BuildingHistory, Set)}, for a two-state model. */
  public static FitQuality score(TwoStateModel model, BuildingHistory history, Set<LocalDate> days) {
    return TwoStateScorer.score(model.withStep(history.stepHours()),
        StepSelection.heldOut(history, days));
  }

  /**
   * One-step least squares on 15-minute readings sees mostly the fast air response, so the
   * refinement legitimately raises C several times; UA, the steady-state loss, should move
   * little. A UA far off means the fit slid along a flat direction of the error (UA and C growing
   * together while heat loses its effect), which a planner must not use.
   */
  private static boolean closeTo(ThermalModel refined, ThermalModel leastSquares) {
    double ua = refined.uaKwPerK() / leastSquares.uaKwPerK();
    double c = refined.capacityKwhPerK() / leastSquares.capacityKwhPerK();
    boolean close = ua > 0.33 && ua < 3 && c > 0.33 && c < 30;
    if (!close) {
      java.util.logging.Logger.getLogger(ModelIdentifier.class.getName()).warning(
          "output-error refinement moved UA by x" + ua + " and C by x" + c
              + " from least squares; keeping the least-squares model");
    }
    return close;
  }

  /**
   * Every {@code everyNthDay}-th calendar day of the history (the 5th, 10th, ... for 5), so held-out
   * days spread over weekdays, weekends and the weather of the whole period.
   */
  public static SortedSet<LocalDate> heldOutDays(BuildingHistory history, int everyNthDay) {
    if (everyNthDay < 2) {
      throw new IllegalArgumentException(
          "everyNthDay must be at least 2 (1 would hold out every day): " + everyNthDay);
    }
    SortedSet<LocalDate> days = new TreeSet<>();
    for (LocalDateTime start : history.stepStart()) {
      days.add(start.toLocalDate());
    }
    SortedSet<LocalDate> heldOut = new TreeSet<>();
    int index = 0;
    for (LocalDate day : days) {
      index++;
      if (index % everyNthDay == 0) {
        heldOut.add(day);
      }
    }
    return Collections.unmodifiableSortedSet(heldOut);
  }
}
