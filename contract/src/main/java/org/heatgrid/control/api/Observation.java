package org.heatgrid.control.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import org.heatgrid.weather.WeatherForecast;

/**
 * What a controller sees at the start of a control period.
 *
 * @param time start of the coming control period
 * @param localTime the same instant in the site's local time (schedules, tariff bands)
 * @param step length of the coming control period
 * @param telemetry per building id, the telemetry of the period that just ended (absent for a
 *     building whose gateway did not report)
 * @param forecast the latest weather forecast, issued at {@code time}
 */
public record Observation(
    Instant time,
    LocalDateTime localTime,
    Duration step,
    Map<String, Telemetry> telemetry,
    WeatherForecast forecast) {

  public Observation {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(localTime, "localTime");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(forecast, "forecast");
    telemetry = Map.copyOf(telemetry);
  }
}
