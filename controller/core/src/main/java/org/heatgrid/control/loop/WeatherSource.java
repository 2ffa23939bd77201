package org.heatgrid.control.loop;

import org.heatgrid.weather.WeatherForecast;

/** Supplies the weather forecast the controller plans with. Called from the loop's thread. */
@FunctionalInterface
public interface WeatherSource {

  /**
   * The latest forecast issued at {@code now}.
   *
   * @throws RuntimeException when none can be had; the loop then plans with a flat forecast at the
   *     mean outdoor reading (or the design temperature) and counts it
   */
  WeatherForecast forecast(java.time.Instant now);
}
