package org.heatgrid.control.service.adapter;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.weather.PollSettings;
import org.heatgrid.site.Site;

/**
 * What a {@link ControlRuntime} needs, frozen at its start.
 *
 * @param site the site as configured
 * @param mqtt broker and credentials
 * @param clock the loop's clock (an accelerated one in simulation)
 * @param timeScale simulated seconds per wall second of {@code clock}; 1 in real operation
 * @param tick wall-clock time between looks at the clock
 * @param loop period, validity, first seq
 * @param forecastHorizon horizon of the weather forecast (persistence or polled)
 * @param weather where to poll a weather forecast (Open-Meteo); empty: the persistence forecast
 */
public record RuntimeSettings(Site site, MqttSettings mqtt, Clock clock, double timeScale,
    Duration tick, LoopSettings loop, Duration forecastHorizon, Optional<PollSettings> weather) {

  /** Settings with the persistence weather forecast. */
  public RuntimeSettings(Site site, MqttSettings mqtt, Clock clock, double timeScale,
      Duration tick, LoopSettings loop, Duration forecastHorizon) {
    this(site, mqtt, clock, timeScale, tick, loop, forecastHorizon, Optional.empty());
  }

  public RuntimeSettings {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(loop, "loop");
    Objects.requireNonNull(forecastHorizon, "forecastHorizon");
    Objects.requireNonNull(weather, "weather");
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("timeScale must be a positive number: " + timeScale);
    }
  }
}
