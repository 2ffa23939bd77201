package org.heatgrid.forecast.baseline;

/**
 * Linear ARX: {@link Towt} plus recent heat. Per building, for a forecast issued at step {@code i}
 * (local midnight) and a target step {@code k >= i}, with {@code D} steps per day:
 *
 * <pre>
 *   heat(k) = alpha[tow(k)] + sum_j beta_j * c_j(T(k))
 *           + g1 * y(k - D')        y(k - D') = same step on the latest day known at i (k - D day-ahead)
 *           + g2 * y(k - W')        same step on the latest week known at i (k - 7D)
 *           + g3 * mean(y(i - D .. i - 1))   the day before the issue
 * </pre>
 * {@code D' = D} for a day-ahead target; for targets more than a day ahead {@code D' = 2D, 3D, ...}
 * (the most recent day known at the issue, keeping the hour of day). Training builds the same
 * regressors with {@code i} = local midnight of each training step's day, so a coefficient means in
 * fitting what it means in forecasting.
 *
 * <p>Missing regressors are imputed: a missing lagged reading by the reading a week before it,
 * else the building's training mean heat; the day-before mean uses the known readings of that day,
 * if none the same day a week earlier, else the training mean. (Steps with a missing target heat or
 * temperature are skipped in training, as in {@link Towt}.) Same window and fallbacks as TOWT.
 */
public final class Arx extends TowBase {

  public static final String NAME = "arx";

  public Arx() {
    this(DEFAULT_WINDOW_DAYS);
  }

  /** @param windowDays training window, days before the training end */
  public Arx(int windowDays) {
    super(windowDays, true, false);
  }

  @Override
  public String name() {
    return NAME;
  }
}
