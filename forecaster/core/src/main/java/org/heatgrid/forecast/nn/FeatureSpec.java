package org.heatgrid.forecast.nn;

import java.util.List;

/**
 * What the network's inputs are, stored with the model: a model is refused for data whose grid
 * or buildings do not fit it.
 *
 * @param stepMinutes grid step of the data the model was trained on
 * @param horizon steps forecast from an issue (one day: 24 hourly or 96 quarter-hourly)
 * @param lagDays days of recent load fed in as daily means (7)
 * @param useGhi whether irradiance is an input
 * @param buildings building ids, in the order of the one-hot identity inputs
 * @param holidays name of the holiday calendar used for the holiday inputs
 * @param correctionDays days of the model's own past forecasts used to correct its level (0: none)
 */
public record FeatureSpec(
    int stepMinutes, int horizon, int lagDays, boolean useGhi, List<String> buildings, String holidays,
    int correctionDays) {

  public FeatureSpec {
    buildings = List.copyOf(buildings);
    if (stepMinutes <= 0 || 1440 % stepMinutes != 0) {
      throw new IllegalArgumentException("step must divide a day: " + stepMinutes + " min");
    }
    if (horizon < 1 || lagDays < 1 || correctionDays < 0) {
      throw new IllegalArgumentException("horizon and lag days must be positive, correction days not negative");
    }
  }

  /** Steps in one day. */
  public int stepsPerDay() {
    return 1440 / stepMinutes;
  }

  /**
   * Input width: recent day (stepsPerDay), a week earlier (horizon), daily means (lagDays),
   * forecast temperature (horizon), irradiance (horizon, if used), the last day's temperature
   * (stepsPerDay), weekday one-hot (7), holiday flags of the target and previous day (2),
   * season (3 harmonics, 6), issue time of day (2), building one-hot.
   */
  public int inputs() {
    return stepsPerDay() + horizon + lagDays + horizon + (useGhi ? horizon : 0) + stepsPerDay()
        + 7 + 2 + 2 * Features.SEASON_HARMONICS + 2 + buildings.size();
  }
}
