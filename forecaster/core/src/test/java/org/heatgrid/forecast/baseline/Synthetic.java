package org.heatgrid.forecast.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.metrics.Metrics;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;
import java.time.ZoneOffset;

/** Hourly synthetic data made by the baselines' own model forms, so a correct fit recovers them. */
final class Synthetic {

  /** Monday 2021-01-04 00:00 UTC. */
  static final Instant START = Instant.parse("2021-01-04T00:00:00Z");

  static final int DAYS = 400;

  static final int STEPS = DAYS * 24;

  /** Training ends at day 393 (a Monday); the last week is held out. */
  static final int TRAIN_END = 393 * 24;

  private Synthetic() {}

  /** Outdoor temperature, about -8..24 C over the year (coldest in January): every TOWT segment. */
  static double temperature(int k) {
    double day = k / 24.0;
    return 8 + 9 * Math.cos(2 * Math.PI * (day - 200) / 365) + 4 * Math.sin(2 * Math.PI * (k % 24 - 9) / 24)
        + 2 * Math.sin(0.37 * k) + Math.sin(1.3 * k);
  }

  /** Time-of-week profile: weekday office hours higher, a daily wave. */
  static double profile(int k) {
    int hour = k % 24;
    int dayOfWeek = (k / 24) % 7; // 0 = Monday
    double occupied = dayOfWeek < 5 && hour >= 7 && hour < 19 ? 10 : 0;
    return 20 + occupied + 3 * Math.sin(hour * 0.7 + dayOfWeek);
  }

  /** heat = profile + 2 * max(0, 15 - T): TOWT form. */
  static double towt(int k) {
    return profile(k) + 2 * Math.max(0, 15 - temperature(k));
  }

  /** heat(k) = towt(k) + 0.5 * heat(k - 24): ARX form. */
  static double[] arxSeries() {
    double[] h = new double[STEPS];
    for (int k = 0; k < STEPS; k++) {
      h[k] = towt(k) + (k >= 24 ? 0.5 * h[k - 24] : 0);
    }
    return h;
  }

  static double[] towtSeries() {
    double[] h = new double[STEPS];
    for (int k = 0; k < STEPS; k++) {
      h[k] = towt(k);
    }
    return h;
  }

  static double[] temperatureSeries() {
    double[] t = new double[STEPS];
    for (int k = 0; k < STEPS; k++) {
      t[k] = temperature(k);
    }
    return t;
  }

  static double[] nans() {
    double[] a = new double[STEPS];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  /** Only the last {@code days} days before training end known, like a newly metered building. */
  static double[] onlyLastDays(double[] series, int days) {
    double[] a = nans();
    System.arraycopy(series, TRAIN_END - days * 24, a, TRAIN_END - days * 24, days * 24);
    System.arraycopy(series, TRAIN_END, a, TRAIN_END, STEPS - TRAIN_END);
    return a;
  }

  static MeterData data(List<String> ids, double[][] heat, double[][] temp) {
    double[][] ghi = new double[ids.size()][];
    for (int b = 0; b < ghi.length; b++) {
      ghi[b] = nans();
    }
    return new MeterData(START, Duration.ofHours(1), ids, heat, temp, ghi);
  }

  /** Fits on everything before TRAIN_END and forecasts the held-out week day by day at midnight UTC. */
  static double[][] heldOutWeek(Forecaster f, MeterData d) {
    f.fit(d, TRAIN_END, ZoneOffset.UTC);
    double[][] out = new double[d.buildings().size()][7 * 24];
    for (int day = 0; day < 7; day++) {
      double[][] p = f.predictAll(new ForecastInput(d, TRAIN_END + day * 24, 24, ZoneOffset.UTC));
      for (int b = 0; b < out.length; b++) {
        System.arraycopy(p[b], 0, out[b], day * 24, 24);
      }
    }
    return out;
  }

  static double cvrmseOfWeek(MeterData d, int b, double[] predicted) {
    return Metrics.cvrmse(Arrays.copyOfRange(d.heatKw()[b], TRAIN_END, TRAIN_END + 7 * 24), predicted);
  }
}
