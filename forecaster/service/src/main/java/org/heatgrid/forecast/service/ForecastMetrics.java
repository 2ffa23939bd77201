package org.heatgrid.forecast.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's own meters, on top of Quarkus's per-route HTTP timers: forecast requests by
 * outcome ({@code heatgrid_forecast_requests_seconds}) and rejected requests by the parameter at
 * fault ({@code heatgrid_forecast_rejected_total}). The meters are registered at start-up so the
 * series exist (at zero) before the first request, which keeps dashboards and alerts simple.
 */
@ApplicationScoped
public class ForecastMetrics {

  static final String REQUESTS = "heatgrid.forecast.requests";
  static final String REJECTED = "heatgrid.forecast.rejected";
  static final List<String> OUTCOMES = List.of("ok", "rejected", "unavailable", "error");

  private final MeterRegistry registry;

  public ForecastMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (String outcome : OUTCOMES) {
      timer(outcome);
    }
    for (String field : List.of(ForecastRequest.FROM, ForecastRequest.BUILDING, ForecastRequest.HOURS)) {
      rejected(field);
    }
  }

  /** Times a forecast request, tagged with how it ended. */
  <T> T timeForecast(Supplier<T> request) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      T result = request.get();
      outcome = "ok";
      return result;
    } catch (BadParameterException e) {
      outcome = "rejected";
      throw e;
    } catch (ModelUnavailableException e) {
      outcome = "unavailable";
      throw e;
    } finally {
      sample.stop(timer(outcome));
    }
  }

  /** Counts a request refused with 400, by the parameter at fault. */
  void countRejected(String field) {
    rejected(field == null ? "none" : field).increment();
  }

  private Timer timer(String outcome) {
    return Timer.builder(REQUESTS).description("Forecast requests, by outcome")
        .tag("outcome", outcome).register(registry);
  }

  private Counter rejected(String field) {
    return Counter.builder(REJECTED).description("Requests refused with 400, by parameter at fault")
        .tag("field", field).register(registry);
  }
}
