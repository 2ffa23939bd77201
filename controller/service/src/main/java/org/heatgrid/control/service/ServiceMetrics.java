package org.heatgrid.control.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.ToDoubleFunction;
import org.heatgrid.control.loop.LoopCounters;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.control.service.models.ActiveModels;
import org.heatgrid.control.loop.TelemetryRejection;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.weather.WeatherStatus;

/**
 * The loop's counters as Prometheus meters (at /q/metrics): {@code heatgrid_telemetry_accepted_total},
 * {@code heatgrid_telemetry_rejected_total{reason}}, {@code heatgrid_setpoints_published_total},
 * {@code heatgrid_loop_periods_total}, {@code heatgrid_controller_fallbacks_total},
 * {@code heatgrid_influx_buffered}, {@code heatgrid_influx_dropped_total}, and more. They read the
 * core's counters, so there is one source of truth. With {@code heatgrid.weather.provider=open-meteo}
 * also {@code heatgrid_weather_stale} (1 while the persistence fallback stands in),
 * {@code heatgrid_weather_age_seconds}, {@code heatgrid_weather_fetches_total},
 * {@code heatgrid_weather_fetch_failures_total} and {@code heatgrid_weather_stale_periods_total};
 * the last failure's text is in the log (WARNING, logger {@code org.heatgrid.control.weather}),
 * not in a metric.
 */
@Startup
@ApplicationScoped
public class ServiceMetrics {

  public ServiceMetrics(MeterRegistry registry, ControlService service) {
    ControlRuntime rt = service.runtime();
    LoopCounters c = rt.loop().counters();
    TelemetryInbox inbox = rt.inbox();
    counter(registry, "heatgrid.telemetry.accepted", "Telemetry messages accepted", inbox,
        TelemetryInbox::accepted);
    for (TelemetryRejection r : TelemetryRejection.values()) {
      FunctionCounter.builder("heatgrid.telemetry.rejected", inbox, i -> i.rejected(r))
          .description("Telemetry messages refused, by reason").tag("reason", r.label())
          .register(registry);
    }
    counter(registry, "heatgrid.setpoints.published", "Setpoints handed to MQTT", c,
        LoopCounters::published);
    counter(registry, "heatgrid.setpoints.failed", "Setpoints MQTT refused", c,
        LoopCounters::publishFailures);
    counter(registry, "heatgrid.setpoints.refreshes", "Setpoints republished on operator changes",
        c, LoopCounters::refreshes);
    counter(registry, "heatgrid.loop.periods", "Control periods run", c, LoopCounters::periods);
    counter(registry, "heatgrid.controller.fallbacks",
        "Periods in which the controller failed (heating curve used)", c,
        LoopCounters::controllerFailures);
    counter(registry, "heatgrid.curve.commands", "Building-periods steered by the heating curve", c,
        LoopCounters::curveCommands);
    counter(registry, "heatgrid.recorder.failures", "Recorder calls that failed", c,
        LoopCounters::recorderFailures);
    Gauge.builder("heatgrid.influx.buffered", rt, r -> r.sink().buffered())
        .description("Points waiting for InfluxDB").register(registry);
    FunctionCounter.builder("heatgrid.influx.dropped", rt, r -> r.sink().dropped())
        .description("Points dropped beyond the buffer bound or refused").register(registry);
    FunctionCounter.builder("heatgrid.influx.written", rt, r -> r.sink().written())
        .description("Points written").register(registry);
    Gauge.builder("heatgrid.mqtt.connected", rt, r -> r.mqtt().isConnected() ? 1 : 0)
        .description("1 while connected to the broker").register(registry);
    rt.weatherStatus().ifPresent(w -> weather(registry, w));
    ActiveModels m = service.models();
    Gauge.builder("heatgrid.models.mpc", m, ActiveModels::runningMpc)
        .description("1 while the MPC runs from a model bundle, 0 while the heating curve runs "
            + "(the reason is in /api/status)").register(registry);
    counter(registry, "heatgrid.models.learnings.accepted", "Learnt bundles the gate let run", m,
        ActiveModels::learningsAccepted);
    counter(registry, "heatgrid.models.learnings.refused",
        "Learnt bundles the gate refused (held-out fit worse than the running one's)", m,
        ActiveModels::learningsRefused);
    counter(registry, "heatgrid.models.learnings.failed",
        "Learnings that produced no bundle (record too short, gappy, missing a signal)", m,
        ActiveModels::learningsFailed);
  }

  /** Only for a polled source: with the persistence forecast there is nothing to go stale. */
  private static void weather(MeterRegistry registry, WeatherStatus w) {
    Gauge.builder("heatgrid.weather.stale", w, s -> s.stale() ? 1 : 0)
        .description("1 while the weather forecast is missing or too old and persistence is used")
        .register(registry);
    Gauge.builder("heatgrid.weather.age", w, WeatherStatus::ageSeconds).baseUnit("seconds")
        .description("Age of the weather forecast held (NaN: none yet)").register(registry);
    counter(registry, "heatgrid.weather.fetches", "Weather forecast fetches tried", w,
        WeatherStatus::fetches);
    counter(registry, "heatgrid.weather.fetch.failures",
        "Weather forecast fetches that failed (no answer, HTTP error, bad response)", w,
        WeatherStatus::failures);
    counter(registry, "heatgrid.weather.stale.periods",
        "Forecasts answered with the persistence fallback", w, WeatherStatus::stalePeriods);
  }

  private static <T> void counter(MeterRegistry registry, String name, String description, T obj,
      ToDoubleFunction<T> f) {
    FunctionCounter.builder(name, obj, f).description(description).register(registry);
  }
}
