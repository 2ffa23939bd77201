package org.heatgrid.control.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.heatgrid.weather.WeatherForecast;

/**
 * An hourly weather series as a provider sends it, checked: times exactly one hour apart,
 * temperature and irradiance at every time. Temperatures are instantaneous at their time; the
 * irradiance stamped T is the mean global horizontal irradiance of the hour before T (Open-Meteo's
 * convention for {@code shortwave_radiation}). Immutable.
 *
 * <p>{@link #forecast} puts it on the loop's step:
 *
 * <ul>
 *   <li>temperature: linear between the hourly values;
 *   <li>irradiance: each hourly mean is placed at the middle of its hour (T - 30 min), the points
 *       are joined linearly, and a step's value is the line at the middle of the step. For
 *       15-minute steps on the quarter hours no step straddles a point, so that is the exact mean
 *       of the line over the step. Beyond the first and last midpoints the nearest mean is held.
 *       Stamping the mean at T instead would put the sun half an hour late. The line keeps a
 *       day's energy to within about 1 % and smears it a little into the half hours next to each
 *       mean (a few W/m2 before sunrise).
 * </ul>
 */
public final class HourlyWeather {

  static final long HOUR_S = 3600;

  private final double latitude;
  private final double longitude;
  private final long[] epochSeconds;
  private final double[] temperatureC;
  private final double[] ghiWm2;

  /** Built by {@link OpenMeteoFormat}, which names the field when something is wrong. */
  HourlyWeather(double latitude, double longitude, long[] epochSeconds, double[] temperatureC,
      double[] ghiWm2) {
    if (epochSeconds.length < 2 || temperatureC.length != epochSeconds.length
        || ghiWm2.length != epochSeconds.length) {
      throw new IllegalArgumentException("hourly: need at least 2 times and one value per time");
    }
    for (int i = 1; i < epochSeconds.length; i++) {
      if (epochSeconds[i] - epochSeconds[i - 1] != HOUR_S) {
        throw new IllegalArgumentException("hourly.time[" + i + "]: not 1 h after the previous");
      }
    }
    this.latitude = latitude;
    this.longitude = longitude;
    this.epochSeconds = epochSeconds.clone();
    this.temperatureC = temperatureC.clone();
    this.ghiWm2 = ghiWm2.clone();
  }

  /** Latitude of the grid cell the provider answered for, degrees north. */
  public double latitude() {
    return latitude;
  }

  /** Longitude of the grid cell the provider answered for, degrees east. */
  public double longitude() {
    return longitude;
  }

  /** Number of hourly values. */
  public int size() {
    return epochSeconds.length;
  }

  /** Time of the first value. */
  public Instant start() {
    return Instant.ofEpochSecond(epochSeconds[0]);
  }

  /** Time of the last value. */
  public Instant end() {
    return Instant.ofEpochSecond(epochSeconds[epochSeconds.length - 1]);
  }

  /** Whether {@code now} lies between the first and the last time. */
  public boolean covers(Instant now) {
    return !now.isBefore(start()) && !now.isAfter(end());
  }

  /**
   * The series from {@code now} on, on {@code step}: values at {@code now + k * step} as far as
   * the series reaches, at most {@code maxSize} of them (see the class comment for how).
   *
   * @throws IllegalArgumentException naming {@code hourly.time} when the series does not cover
   *     {@code now}
   */
  public WeatherForecast forecast(Instant now, Duration step, int maxSize) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(step, "step");
    if (step.isZero() || step.isNegative() || maxSize < 1) {
      throw new IllegalArgumentException("step must be positive and maxSize at least 1: "
          + step + ", " + maxSize);
    }
    if (!covers(now)) {
      throw new IllegalArgumentException("hourly.time: the forecast runs from " + start() + " to "
          + end() + " and does not cover " + now);
    }
    double t0 = seconds(now);
    double s = step.toNanos() / 1e9;
    long last = epochSeconds[epochSeconds.length - 1];
    int n = (int) Math.min(maxSize, Math.floor((last - t0) / s) + 1);
    double[] t = new double[n];
    double[] g = new double[n];
    for (int k = 0; k < n; k++) {
      double at = t0 + k * s;
      t[k] = line(temperatureC, (at - epochSeconds[0]) / HOUR_S);
      // Hour means sit at their hour's middle, half an hour before their stamp.
      g[k] = line(ghiWm2, (at + s / 2 - (epochSeconds[0] - HOUR_S / 2.0)) / HOUR_S);
    }
    return new WeatherForecast(now, step, t, g);
  }

  /** Linear interpolation of {@code v} at fractional index {@code u}, held at the ends. */
  private static double line(double[] v, double u) {
    if (u <= 0) {
      return v[0];
    }
    if (u >= v.length - 1) {
      return v[v.length - 1];
    }
    int i = (int) Math.floor(u);
    double f = u - i;
    return f == 0 ? v[i] : v[i] + f * (v[i + 1] - v[i]);
  }

  private static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  @Override
  public String toString() {
    return "HourlyWeather[" + latitude + " N, " + longitude + " E, " + start() + " .. " + end()
        + ", " + size() + " hours]";
  }
}
