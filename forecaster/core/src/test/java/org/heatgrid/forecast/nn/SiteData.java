package org.heatgrid.forecast.nn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.heatgrid.forecast.data.MeterData;

/**
 * A small synthetic site for network tests: two buildings, hourly, whose heat follows the
 * forecast day's temperature (random from day to day, so yesterday is a poor guess) and a
 * weekday occupancy shape.
 */
final class SiteData {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z"); // a Monday
  static final int DAYS = 160;

  private SiteData() {}

  static MeterData make(long seed) {
    Random r = new Random(seed);
    int n = DAYS * 24;
    double[][] heat = new double[2][n];
    double[][] temp = new double[2][n];
    double[][] ghi = new double[2][n];
    double dayTemp = 0;
    for (int k = 0; k < n; k++) {
      int hour = k % 24;
      if (hour == 0) {
        dayTemp = 5 + 8 * r.nextGaussian();
      }
      double t = dayTemp + 3 * Math.sin(2 * Math.PI * (hour - 9) / 24);
      boolean weekday = (k / 24) % 7 < 5;
      boolean open = weekday && hour >= 8 && hour < 19;
      for (int b = 0; b < 2; b++) {
        temp[b][k] = t;
        ghi[b][k] = Math.max(0, 400 * Math.sin(Math.PI * (hour - 6) / 12));
        double size = b == 0 ? 100 : 30;
        heat[b][k] = size * (Math.max(0, 18 - t) / 10 + (open ? 0.6 : 0.1)) * (1 + 0.02 * r.nextGaussian());
      }
    }
    return new MeterData(START, Duration.ofHours(1), List.of("A", "B"), heat, temp, ghi);
  }
}
