package org.heatgrid.forecast.baseline;

import java.time.ZoneId;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;

/**
 * Naive seasonal forecast, "same hour yesterday":
 *
 * <pre>
 *   p(k) = y(k - D)          D = steps per day (24 h back on the grid, not the local clock)
 * </pre>
 * For a target more than a day after the issue, {@code k - D} is not known yet and the same step of
 * the most recent known day is used ({@code k - 2D}, ...). If that reading is missing: the same step
 * a week earlier ({@code k - 7D}, moved back by weeks likewise); else the last known value before
 * the issue; else 0 (a building without any history). Nothing is fitted.
 */
public final class NaiveYesterday implements Forecaster {

  public static final String NAME = "naive_24h";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void fit(MeterData data, int trainEnd, ZoneId zone) {
    // Nothing to learn: the forecast is a copy of the past.
  }

  @Override
  public double[] predict(ForecastInput in, int b) {
    int day = in.grid().stepsPerDay();
    int week = 7 * day;
    int issue = in.issue();
    double[] out = new double[in.horizon()];
    double lastKnown = Double.NaN;
    for (int h = 0; h < out.length; h++) {
      int k = issue + h;
      double v = in.heatKw(b, Lags.knownStep(k, issue, day));
      if (!Double.isFinite(v)) {
        v = in.heatKw(b, Lags.knownStep(k, issue, week));
      }
      if (!Double.isFinite(v)) {
        if (Double.isNaN(lastKnown)) {
          lastKnown = lastKnown(in, b);
        }
        v = lastKnown;
      }
      out[h] = v;
    }
    return out;
  }

  /** The latest finite heat before the issue, 0 if there is none. */
  private static double lastKnown(ForecastInput in, int b) {
    for (int j = in.issue() - 1; j >= 0; j--) {
      double v = in.heatKw(b, j);
      if (Double.isFinite(v)) {
        return v;
      }
    }
    return 0;
  }
}
