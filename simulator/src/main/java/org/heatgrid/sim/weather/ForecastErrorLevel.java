package org.heatgrid.sim.weather;

import java.util.Locale;

/**
 * How wrong the weather forecasts given to controllers are: {@code NONE} gives the true weather,
 * the others follow BOPTEST's low, medium and high forecast-uncertainty scenarios (see
 * {@link ForecastGenerator}).
 */
public enum ForecastErrorLevel {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  /**
   * Parses "none", "low", "medium" or "high", in any case, as written in scenario files and on the
   * command line.
   *
   * @throws IllegalArgumentException naming the allowed values, for anything else
   */
  public static ForecastErrorLevel parse(String text) {
    if (text != null) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "none":
          return NONE;
        case "low":
          return LOW;
        case "medium":
          return MEDIUM;
        case "high":
          return HIGH;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "unknown forecast error level \"" + text + "\"; allowed: none, low, medium, high");
  }
}
