package org.heatgrid.forecast.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.data.MeterCsv;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.heatgrid.forecast.store.DataHash;
import org.heatgrid.forecast.store.ModelInfo;
import org.heatgrid.forecast.store.ModelStore;

/**
 * A small site for the service tests: two buildings, hourly, 120 days from 2024-01-01 local, heat a
 * daily load shape times a temperature term, and a network trained on the first 100 days.
 */
final class SyntheticSite {

  static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
  static final Instant START = LocalDateTime.parse("2024-01-01T00:00").atZone(ZONE).toInstant();
  static final int DAYS = 120;
  static final int TRAIN_DAYS = 100;
  static final List<String> BUILDINGS = List.of("B1", "B2");

  private SyntheticSite() {}

  static MeterData data() {
    int n = DAYS * 24;
    double[][] heat = new double[2][n];
    double[][] temp = new double[2][n];
    double[][] ghi = new double[2][n];
    double[] size = {400, 150};
    Random rnd = new Random(7);
    for (int k = 0; k < n; k++) {
      int hour = k % 24;
      double day = k / 24.0;
      // Winter easing into spring, a daily swing, some weather noise.
      double t = -4 + 12 * day / DAYS + 4 * Math.sin(2 * Math.PI * (hour - 9) / 24) + rnd.nextGaussian();
      // Morning and evening peaks over a base load.
      double shape = 0.7 + 0.3 * Math.exp(-Math.pow(hour - 7, 2) / 4) + 0.2 * Math.exp(-Math.pow(hour - 19, 2) / 6);
      for (int b = 0; b < 2; b++) {
        temp[b][k] = t;
        heat[b][k] = size[b] * shape * Math.max(0.1, 1 + 0.04 * (15 - t)) * (1 + 0.02 * rnd.nextGaussian());
        ghi[b][k] = Double.NaN;
      }
    }
    return new MeterData(START, Duration.ofHours(1), BUILDINGS, heat, temp, ghi);
  }

  /** Writes the data to {@code dir/meters.csv} and a trained model to the store {@code dir/models}. */
  static void write(Path dir) {
    MeterData d = data();
    MeterCsv.write(d, dir.resolve("meters.csv"));
    int end = TRAIN_DAYS * 24;
    NetworkForecaster net = new NetworkForecaster(
        TrainingSettings.defaults(HolidayCalendar.none()).withMaxEpochs(5).withMembers(1));
    net.fit(d, end, ZONE);
    ModelInfo info = new ModelInfo(null, Instant.now().toString(), net.spec(), net.scaling(),
        d.time(0).toString(), d.time(end).toString(), DataHash.sha256(d, end),
        Map.of("epochs", net.reports().get(0).epochs(), "zone", ZONE.getId()), Map.of(), Backend.name());
    ModelStore.save(dir.resolve("models"), net, info);
  }
}
