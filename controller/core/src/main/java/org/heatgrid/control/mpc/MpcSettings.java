package org.heatgrid.control.mpc;

import java.time.Duration;
import java.util.Collection;

/**
 * Tuning of the model predictive controller.
 *
 * @param horizon planning horizon (24 h by default)
 * @param comfortMarginK planned floor above the comfort band's low edge for every building: covers
 *     sensor calibration errors, which a controller cannot see, and model error. 0 by default, the
 *     margin being per building (below); before 2026-12-05 one margin of 1.1 K (decision 0023)
 * @param marginPerRmse added to each building's comfort margin per K of its model's held-out
 *     day-ahead error ({@code FitQuality.horizonRmseK}): a building the model predicts worse
 *     gets more margin, as a back-off in stochastic MPC. 1.75 by default (0.5-1.1 K on campus16),
 *     chosen by {@code ./heatgrid tune} on a validation season, never on the evaluation (see
 *     docs/decisions/0025-a-margin-per-building-from-its-model-error.md)
 * @param slackKrwPerKStep linear penalty of planned under-temperature, KRW per K per step
 * @param slackKrwPerK2Step quadratic penalty of planned under-temperature, KRW per K^2 per step
 * @param heatRegularization small quadratic weight on heat, KRW per kW^2 per step: makes the plan
 *     unique among equal-cost plans (spreads heat rather than switching between buildings). Keep
 *     it small against the heat price: a larger weight makes high heat rates dear and draws
 *     preheating out over the night (see docs/decisions/0007-heat-regularization.md)
 * @param occupiedHeatShare in an occupied step a building's heat stays at or above this share of
 *     the steady-state heat that holds the air at the comfort floor (see MpcController)
 * @param openingHeatShare the same share in the first two hours after opening (0.8 by default,
 *     as later): a higher share makes every building's fixed minimum coincide at opening and
 *     raises the cluster peak (see docs/decisions/0006-occupied-minimum.md)
 * @param missedComfortGain share of each observed miss of the comfort floor (K) added to the
 *     building's planned floor (learned apart for the first hours of occupancy; see MissedComfort)
 * @param billingMonths months a kW of new cluster peak is paid for at the basic rate: 36 by
 *     default, the contracted capacity a season's peak requires being billed every month for
 *     years (the KPI bills the simulated months only, so the MPC values peak higher; see
 *     docs/decisions/0005-comfort-margin-opening-share-billing-months.md)
 * @param clusterCapKw optional cluster capacity, kW ({@code +Infinity} for none)
 * @param observerGain share of each prediction error taken into the state estimate: the plan's
 *     state is the building's slow temperature, and the air's quick swings with the radiators'
 *     output are mostly filtered out, which keeps the plan from chasing them
 * @param disturbanceGain gain of the input-disturbance estimator (a heat-like term in the
 *     model's equation); it is amplified by the model's long time constant, so keep it small
 * @param outputOffsetGain gain of the output-offset estimator: how far the indoor sensors
 *     persistently run above or below the model's state; the comfort floor moves by it
 * @param disturbanceHalfLifeHours how fast the estimated offset fades over the horizon
 * @param supplyMarginK added to the emitter's supply temperature for the planned heat: the heat
 *     limit caps the delivered heat, so a warmer supply only guards against a weak emitter estimate
 * @param solverTimeLimit a plan not found within this time is abandoned (fallback)
 * @param solverIterations iteration limit of the solver
 */
public record MpcSettings(
    Duration horizon,
    double comfortMarginK,
    double marginPerRmse,
    double slackKrwPerKStep,
    double slackKrwPerK2Step,
    double heatRegularization,
    double occupiedHeatShare,
    double openingHeatShare,
    double missedComfortGain,
    double billingMonths,
    double clusterCapKw,
    double observerGain,
    double disturbanceGain,
    double outputOffsetGain,
    double disturbanceHalfLifeHours,
    double supplyMarginK,
    Duration solverTimeLimit,
    int solverIterations) {

  /**
   * Under-temperature costs 500,000 KRW per K and 15 minutes: far above the heat it takes to
   * lift even the heaviest building by 1 K (about 2,000 kWh, 200,000 KRW), so the plan treats
   * comfort as a constraint and uses slack only when it cannot be met.
   */
  public static final MpcSettings DEFAULTS = new MpcSettings(Duration.ofHours(24), 0, 1.75, 500_000,
      1_000_000, 0.001, 0.8, 0.8, 0.5, 36, Double.POSITIVE_INFINITY, 0.2, 0, 0.05, 12, 4, Duration.ofSeconds(2), 100);

  /**
   * The margin of buildings none of whose models has a held-out score, with a per-building rule:
   * the one margin for all that tuning chose before (decision 0023).
   */
  public static final double UNSCORED_MARGIN_K = 1.1;

  /**
   * The margin rule chosen by {@code ./heatgrid tune --plan-model two-state} for an MPC that plans
   * with two-state models (their held-out errors are smaller, and so their margins): 2.0 x RMSE,
   * measured against the heating curve commissioned on the validation season (decision 0029;
   * 1.5 x against the shipped curve in 0027). The one-state default stays {@link #DEFAULTS}'
   * 1.75, tuned against the shipped curve and not re-tuned.
   */
  public static final double TWO_STATE_MARGIN_PER_RMSE = 2.0;

  /**
   * The defaults of an MPC that plans with two-state models, the default model since decision
   * 0027: {@link #DEFAULTS} with {@link #TWO_STATE_MARGIN_PER_RMSE}.
   */
  public static final MpcSettings TWO_STATE_DEFAULTS =
      DEFAULTS.withMargins(0, TWO_STATE_MARGIN_PER_RMSE);

  /**
   * The defaults for a site's models: {@link #TWO_STATE_DEFAULTS} when any building plans with a
   * two-state model, else {@link #DEFAULTS}. A building whose two-state fit was refused plans
   * with its first-order model at the two-state rule's margin (as in the tuning that chose it).
   */
  public static MpcSettings defaultsFor(Collection<PlanModel> models) {
    return models.stream().anyMatch(m -> m.twoState() != null) ? TWO_STATE_DEFAULTS : DEFAULTS;
  }

  public MpcSettings {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive: " + horizon);
    }
    requireNonNegative("comfort margin", comfortMarginK);
    requireNonNegative("margin per K of model error", marginPerRmse);
    requireNonNegative("slack penalty", slackKrwPerKStep);
    requireNonNegative("quadratic slack penalty", slackKrwPerK2Step);
    requireNonNegative("heat regularization", heatRegularization);
    requireNonNegative("billing months", billingMonths);
    requireNonNegative("missed comfort gain", missedComfortGain);
    if (!(occupiedHeatShare >= 0 && occupiedHeatShare <= 1)) {
      throw new IllegalArgumentException("occupied heat share must lie in [0, 1]: " + occupiedHeatShare);
    }
    requireNonNegative("opening heat share", openingHeatShare);
    requireNonNegative("supply margin", supplyMarginK);
    if (!(clusterCapKw > 0)) {
      throw new IllegalArgumentException("cluster capacity must be > 0 kW or +Infinity: " + clusterCapKw);
    }
    if (!(observerGain > 0 && observerGain <= 1)) {
      throw new IllegalArgumentException("observer gain must lie in (0, 1]: " + observerGain);
    }
    if (!(disturbanceGain >= 0 && disturbanceGain <= 1)) {
      throw new IllegalArgumentException("disturbance gain must lie in [0, 1]: " + disturbanceGain);
    }
    if (!(outputOffsetGain >= 0 && outputOffsetGain <= 1)) {
      throw new IllegalArgumentException("output offset gain must lie in [0, 1]: " + outputOffsetGain);
    }
    if (!(disturbanceHalfLifeHours > 0)) {
      throw new IllegalArgumentException("disturbance half-life must be > 0 h: " + disturbanceHalfLifeHours);
    }
    if (solverIterations < 1) {
      throw new IllegalArgumentException("solver iterations must be >= 1: " + solverIterations);
    }
  }

  private static void requireNonNegative(String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0: " + v);
    }
  }

  /** The margin rule {@code comfortMarginK + perRmse * (held-out day-ahead RMSE)}. */
  public MpcSettings withMargins(double comfortMarginK, double perRmse) {
    return new MpcSettings(horizon, comfortMarginK, perRmse, slackKrwPerKStep, slackKrwPerK2Step,
        heatRegularization, occupiedHeatShare, openingHeatShare, missedComfortGain, billingMonths,
        clusterCapKw, observerGain, disturbanceGain, outputOffsetGain, disturbanceHalfLifeHours,
        supplyMarginK, solverTimeLimit, solverIterations);
  }

  /**
   * The planned floor's margin above the band's edge for a building whose model erred {@code
   * heldOutRmseK} on held-out days.
   */
  public double marginK(double heldOutRmseK) {
    return marginPerRmse == 0 ? comfortMarginK : comfortMarginK + marginPerRmse * heldOutRmseK;
  }

  /**
   * The margins of a site's buildings from their models' held-out errors. NaN where a model has
   * no held-out score: it gets the largest score of the others, being the least known; when none
   * has one, every building gets at least {@link #UNSCORED_MARGIN_K}. With one margin for all
   * ({@code marginPerRmse} 0) the scores are not read.
   */
  public double[] marginsK(double[] heldOutRmseK) {
    double largest = Double.NaN;
    for (double r : heldOutRmseK) {
      if (Double.isFinite(r) && !(r <= largest)) {
        largest = r;
      }
    }
    double[] margins = new double[heldOutRmseK.length];
    for (int b = 0; b < margins.length; b++) {
      double r = Double.isFinite(heldOutRmseK[b]) ? heldOutRmseK[b] : largest;
      margins[b] = marginPerRmse == 0 || !Double.isNaN(r) ? marginK(r)
          : Math.max(comfortMarginK, UNSCORED_MARGIN_K);
    }
    return margins;
  }

  /** The occupied minimum's shares of the steady heat (0 and 0: no minimum). */
  public MpcSettings withOccupiedShares(double occupied, double opening) {
    return new MpcSettings(horizon, comfortMarginK, marginPerRmse, slackKrwPerKStep, slackKrwPerK2Step,
        heatRegularization, occupied, opening, missedComfortGain, billingMonths,
        clusterCapKw, observerGain, disturbanceGain, outputOffsetGain, disturbanceHalfLifeHours,
        supplyMarginK, solverTimeLimit, solverIterations);
  }

  public MpcSettings withHorizon(Duration h) {
    return new MpcSettings(h, comfortMarginK, marginPerRmse, slackKrwPerKStep, slackKrwPerK2Step, heatRegularization,
        occupiedHeatShare, openingHeatShare, missedComfortGain, billingMonths, clusterCapKw, observerGain, disturbanceGain, outputOffsetGain, disturbanceHalfLifeHours, supplyMarginK,
        solverTimeLimit, solverIterations);
  }

  public MpcSettings withBillingMonths(double months) {
    return new MpcSettings(horizon, comfortMarginK, marginPerRmse, slackKrwPerKStep, slackKrwPerK2Step, heatRegularization,
        occupiedHeatShare, openingHeatShare, missedComfortGain, months, clusterCapKw, observerGain, disturbanceGain, outputOffsetGain, disturbanceHalfLifeHours, supplyMarginK,
        solverTimeLimit, solverIterations);
  }
}
