package org.heatgrid.control.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.weather.WeatherForecast;

/**
 * A persistence forecast: the mean of the gateways' latest outdoor readings, held flat over the
 * horizon, without sun. What a controller has when no weather service is connected; the design
 * outdoor temperature (-11 C, warm rather than cold) when no gateway reports one.
 */
public final class PersistenceWeather implements WeatherSource {

  /** Outdoor temperature assumed when nothing is known, C (the radiators' design point). */
  public static final double DESIGN_OUTDOOR_C = -11;

  private final TelemetryInbox inbox;
  private final Duration step;
  private final int size;

  /**
   * @param inbox where the outdoor readings come from
   * @param step spacing of the values
   * @param horizon length of the forecast, at least one step
   */
  public PersistenceWeather(TelemetryInbox inbox, Duration step, Duration horizon) {
    this.inbox = inbox;
    this.step = step;
    this.size = (int) Math.max(1, horizon.dividedBy(step)) + 1;
  }

  @Override
  public WeatherForecast forecast(Instant now) {
    return flat(now, step, size, meanOutdoor(inbox));
  }

  static double meanOutdoor(TelemetryInbox inbox) {
    double sum = 0;
    int n = 0;
    for (String id : inbox.buildings()) {
      var r = inbox.latest(id);
      if (r.isPresent()) {
        Telemetry t = r.get().telemetry();
        if (Double.isFinite(t.outdoorC())) {
          sum += t.outdoorC();
          n++;
        }
      }
    }
    return n == 0 ? DESIGN_OUTDOOR_C : sum / n;
  }

  static WeatherForecast flat(Instant now, Duration step, int size, double outdoorC) {
    double[] t = new double[size];
    Arrays.fill(t, outdoorC);
    return new WeatherForecast(now, step, t, new double[size]);
  }
}
