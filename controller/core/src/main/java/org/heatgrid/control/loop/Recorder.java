package org.heatgrid.control.loop;

import java.time.Instant;
import java.util.List;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.weather.WeatherForecast;
import org.heatgrid.wire.TelemetryMessage;

/**
 * Where the loop writes what happened (InfluxDB, files, memory). Every method has a no-op default;
 * the loop calls them from its thread and catches what they throw, so a failing recorder never
 * stops control. Implementations should buffer rather than block.
 */
public interface Recorder {

  /** A recorder that records nothing. */
  Recorder NONE = new Recorder() {};

  /** A telemetry reading the inbox accepted. */
  default void telemetry(TelemetryMessage reading) {}

  /** A setpoint handed to the outbox. */
  default void setpoint(Setpoint setpoint) {}

  /** A building's plan as decided at {@code issuedAt}. */
  default void plan(String buildingId, Instant issuedAt, List<PlanStep> plan) {}

  /** The weather forecast a period was planned with. */
  default void forecast(WeatherForecast forecast) {}

  /** The figures of one control period. */
  default void period(PeriodReport report) {}
}
