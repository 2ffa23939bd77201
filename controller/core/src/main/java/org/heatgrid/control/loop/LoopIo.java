package org.heatgrid.control.loop;

import java.util.Objects;

/**
 * The loop's connections to the outside: telemetry in, setpoints out, the weather forecast, and
 * where records go.
 */
public record LoopIo(TelemetryInbox inbox, SetpointOutbox outbox, WeatherSource weather,
    Recorder recorder) {

  public LoopIo {
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(weather, "weather");
    Objects.requireNonNull(recorder, "recorder");
  }
}
