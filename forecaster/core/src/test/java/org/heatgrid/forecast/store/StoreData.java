package org.heatgrid.forecast.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;

/** Seventy days of a simple hourly two-building site for store tests. */
final class StoreData {

  private StoreData() {}

  static MeterData make() {
    int n = 70 * 24;
    double[][] heat = new double[2][n];
    double[][] temp = new double[2][n];
    double[][] ghi = new double[2][n];
    for (int k = 0; k < n; k++) {
      double t = 5 + 6 * Math.sin(k / 50.0);
      for (int b = 0; b < 2; b++) {
        temp[b][k] = t;
        ghi[b][k] = Math.max(0, 300 * Math.sin(Math.PI * ((k % 24) - 6) / 12));
        heat[b][k] = (b + 1) * (20 + Math.max(0, 18 - t) * 3 + 5 * Math.sin(k % 24 / 3.0));
      }
    }
    return new MeterData(Instant.parse("2025-01-06T00:00:00Z"), Duration.ofHours(1), List.of("A", "B"),
        heat, temp, ghi);
  }
}
