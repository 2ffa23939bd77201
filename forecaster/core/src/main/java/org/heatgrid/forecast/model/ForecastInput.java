package org.heatgrid.forecast.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.heatgrid.forecast.data.MeterData;

/**
 * What a forecaster may read when it forecasts from step {@code issue}: heat strictly before the
 * issue, weather up to the end of the horizon (the protocol's weather forecast). Reading heat at
 * or after the issue throws, so a forecaster cannot peek at what it predicts.
 */
public final class ForecastInput {

  private final MeterData data;
  private final int issue;
  private final int horizon;
  private final ZoneId zone;

  /**
   * @param data the series
   * @param issue index of the first forecast step
   * @param horizon number of steps forecast
   * @param zone local time zone (calendar features)
   */
  public ForecastInput(MeterData data, int issue, int horizon, ZoneId zone) {
    if (issue < 0 || horizon < 1) {
      throw new IllegalArgumentException("issue must be >= 0 and horizon >= 1: " + issue + ", " + horizon);
    }
    this.data = data;
    this.issue = issue;
    this.horizon = horizon;
    this.zone = zone;
  }

  public int issue() {
    return issue;
  }

  public int horizon() {
    return horizon;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The series' building ids, steps and grid (values through the accessors below only). */
  public MeterData grid() {
    return data;
  }

  /** Heat of building {@code b} at step {@code k < issue}, kW (NaN when missing or before the data). */
  public double heatKw(int b, int k) {
    if (k >= issue) {
      throw new IllegalArgumentException("heat at step " + k + " is not known at issue step " + issue);
    }
    return k < 0 ? Double.NaN : data.heatKw()[b][k];
  }

  /** Outdoor temperature at step {@code k < issue + horizon}, C (NaN when missing). */
  public double outdoorC(int b, int k) {
    checkWeather(k);
    return k < 0 || k >= data.length() ? Double.NaN : data.outdoorC()[b][k];
  }

  /** Global horizontal irradiance at step {@code k < issue + horizon}, W/m2 (NaN when missing). */
  public double ghiWm2(int b, int k) {
    checkWeather(k);
    return k < 0 || k >= data.length() ? Double.NaN : data.ghiWm2()[b][k];
  }

  private void checkWeather(int k) {
    if (k >= issue + horizon) {
      throw new IllegalArgumentException("weather at step " + k + " lies beyond the horizon");
    }
  }

  public Instant time(int k) {
    return data.time(k);
  }

  public LocalDateTime localTime(int k) {
    return LocalDateTime.ofInstant(data.time(k), zone);
  }
}
