package org.heatgrid.forecast.baseline;

/**
 * {@link Towt} with one more regressor: the mean global horizontal irradiance of the day ending at
 * the target step ({@link DailyIrradiance}). Solar gain is the weather a temperature-only baseline
 * misses: at the same outdoor temperatures a sunny spring month needs less heat than a dull winter
 * one, and TOWT then over-predicts the former operation's use in March and claims savings the
 * controller did not make (decision 0028). ASHRAE Guideline 14 allows any independent variable the
 * baseline period covers; irradiance is the usual second one after temperature.
 *
 * <p>A building whose training data has no irradiance (on fewer than {@value #MIN_TRAINING_WEEKS}
 * weeks of steps) is fitted as plain TOWT, so a site without irradiance loses nothing. A missing
 * target-day irradiance is replaced by the training mean.
 */
public final class TowtSolar extends TowBase {

  public static final String NAME = "towt-solar";

  public TowtSolar() {
    this(DEFAULT_WINDOW_DAYS);
  }

  /** @param windowDays training window, days before the training end */
  public TowtSolar(int windowDays) {
    super(windowDays, false, true);
  }

  @Override
  public String name() {
    return NAME;
  }
}
