package org.heatgrid.forecast.model;

import java.time.ZoneId;
import org.heatgrid.forecast.data.MeterData;

/**
 * A heat-demand forecaster: fitted on history, then asked for the coming steps of a building.
 * The network and every baseline implement it, so the backtest treats them alike.
 */
public interface Forecaster {

  /** Name used in tables and metrics.json, e.g. {@code model}, {@code naive_24h}, {@code towt}, {@code arx}. */
  String name();

  /**
   * Fits on {@code data} strictly before step {@code trainEnd}.
   *
   * @param zone local time zone of the site (calendar features)
   */
  void fit(MeterData data, int trainEnd, ZoneId zone);

  /**
   * Forecast heat of building {@code b} for steps {@code in.issue() .. in.issue() + in.horizon() - 1}, kW.
   * Must be finite for every step (impute what is missing).
   */
  double[] predict(ForecastInput in, int b);

  /** All buildings at once; override when batching is faster. */
  default double[][] predictAll(ForecastInput in) {
    double[][] out = new double[in.grid().buildings().size()][];
    for (int b = 0; b < out.length; b++) {
      out[b] = predict(in, b);
    }
    return out;
  }
}
