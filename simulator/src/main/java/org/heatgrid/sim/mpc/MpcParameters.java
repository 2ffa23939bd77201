package org.heatgrid.sim.mpc;

import java.time.LocalDate;
import java.util.List;
import org.heatgrid.control.mpc.MpcSettings;

/**
 * How the MPC of a scenario is prepared: the history it learns from (honesty rule 3: other
 * weather, other period, other seed than the evaluation) and its tuning.
 *
 * @param historyWeather weather file of the history period
 * @param historyFrom first day of the history
 * @param historyTo last day of the history
 * @param historySeed seed of the history run
 * @param heldOutEveryNthDay every n-th history day is held out of identification to report fit
 * @param zoneSpreadQuantile quantile of the coldest zone's gap below the mean used as margin
 * @param settings the controller's tuning
 * @param hotWaterForecast how the uncontrolled load is forecast: {@code profile} (mean of the
 *     history by day type and hour) or {@code network} (the Deeplearning4j forecaster)
 * @param planModel the building model the MPC plans with: {@code one-state} (first order with an
 *     air offset) or {@code two-state} (air and structure, identified on the same history; a
 *     building whose two-state fit fails keeps its one-state model)
 */
public record MpcParameters(
    String historyWeather,
    LocalDate historyFrom,
    LocalDate historyTo,
    long historySeed,
    int heldOutEveryNthDay,
    double zoneSpreadQuantile,
    MpcSettings settings,
    String hotWaterForecast,
    String planModel) {

  /** Accepted values of {@link #hotWaterForecast}. */
  public static final List<String> HOT_WATER_FORECASTS = List.of("profile", "network");

  /** Accepted values of {@link #planModel}. */
  public static final List<String> PLAN_MODELS = List.of("one-state", "two-state");

  public static final MpcParameters DEFAULTS = new MpcParameters(
      "KOR_SO_Seoul.WS.471080_TMYx.2011-2025.epw", LocalDate.of(2024, 11, 1),
      LocalDate.of(2025, 3, 31), 7, 5, 0.9, MpcSettings.TWO_STATE_DEFAULTS, "profile", "two-state");

  public MpcParameters {
    if (!HOT_WATER_FORECASTS.contains(hotWaterForecast)) {
      throw new IllegalArgumentException("unknown hot-water forecast \"" + hotWaterForecast
          + "\"; accepted: " + String.join(", ", HOT_WATER_FORECASTS));
    }
    if (!PLAN_MODELS.contains(planModel)) {
      throw new IllegalArgumentException("unknown plan model \"" + planModel
          + "\"; accepted: " + String.join(", ", PLAN_MODELS));
    }
  }

  /** With the hot-water profile and the default plan model ({@link #DEFAULTS}'). */
  public MpcParameters(String historyWeather, LocalDate historyFrom, LocalDate historyTo,
      long historySeed, int heldOutEveryNthDay, double zoneSpreadQuantile, MpcSettings settings) {
    this(historyWeather, historyFrom, historyTo, historySeed, heldOutEveryNthDay, zoneSpreadQuantile,
        settings, "profile", "two-state");
  }

  public MpcParameters withSettings(MpcSettings s) {
    return new MpcParameters(historyWeather, historyFrom, historyTo, historySeed, heldOutEveryNthDay,
        zoneSpreadQuantile, s, hotWaterForecast, planModel);
  }

  public MpcParameters withHotWaterForecast(String name) {
    return new MpcParameters(historyWeather, historyFrom, historyTo, historySeed, heldOutEveryNthDay,
        zoneSpreadQuantile, settings, name, planModel);
  }

  public MpcParameters withPlanModel(String name) {
    return new MpcParameters(historyWeather, historyFrom, historyTo, historySeed, heldOutEveryNthDay,
        zoneSpreadQuantile, settings, hotWaterForecast, name);
  }

  public boolean twoState() {
    return planModel.equals("two-state");
  }
}
