package org.heatgrid.forecast.backtest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.metrics.ErrorSummary;
import org.heatgrid.forecast.metrics.Metrics;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;

/**
 * The day-ahead protocol of docs/design.md, section "Forecast evaluation protocol". Each
 * forecaster is fitted once on everything before local midnight of the first test day; then, for
 * each test day, it is asked at local midnight for the next {@code stepsPerDay} steps through a
 * {@link ForecastInput} (heat only before midnight,
 * weather to the end of the day: the protocol's perfect weather forecast). Scores are over the test
 * steps with a reading (a NaN actual is not scored), per building, and their mean over buildings.
 *
 * <p>Daylight saving: a local day of 23 steps (spring) scores only its 23 steps (the 24th forecast
 * is the next day's midnight, forecast again by the next issue); on a 25-step day (autumn) the
 * last step is not forecast (the horizon stays {@code stepsPerDay}, as every forecaster expects).
 * In a zone without daylight saving, every test step is scored exactly once.
 */
public final class DayAheadBacktest {

  private DayAheadBacktest() {}

  /**
   * @param testFrom first test day (local date in {@code zone})
   * @param testTo last test day, inclusive
   * @throws IllegalArgumentException for an empty period, duplicate forecaster names, a test day
   *     whose local midnight is not on the grid, or a period outside the data
   * @throws IllegalStateException naming forecaster, building and day when a forecast has the wrong
   *     length or a non-finite value
   */
  public static BacktestResult run(MeterData data, LocalDate testFrom, LocalDate testTo,
      ZoneId zone, List<Forecaster> forecasters) {
    if (testTo.isBefore(testFrom)) {
      throw new IllegalArgumentException("test period " + testFrom + ".." + testTo + " is empty");
    }
    if (forecasters.isEmpty()) {
      throw new IllegalArgumentException("no forecaster to test");
    }
    Set<String> names = new HashSet<>();
    for (Forecaster f : forecasters) {
      if (!names.add(f.name()) || f.name().equals(BacktestResult.TIMING_KEY)) {
        throw new IllegalArgumentException("forecaster name '" + f.name() + "' used twice or reserved");
      }
    }
    long stepSeconds = data.step().toSeconds();
    if (stepSeconds <= 0 || 86_400 % stepSeconds != 0) {
      throw new IllegalArgumentException("grid step " + data.step() + " does not divide a day");
    }
    int perDay = data.stepsPerDay();
    List<int[]> days = testDays(data, testFrom, testTo, zone); // {issue, scored steps}
    int first = days.get(0)[0];
    int[] lastDay = days.get(days.size() - 1);
    int steps = lastDay[0] + lastDay[1] - first;
    int nb = data.buildings().size();

    Map<String, BacktestResult.ForecasterResult> results = new LinkedHashMap<>();
    for (Forecaster f : forecasters) {
      long t0 = System.nanoTime();
      f.fit(data, first, zone);
      long t1 = System.nanoTime();
      double[][] predicted = new double[nb][steps];
      for (double[] row : predicted) {
        Arrays.fill(row, Double.NaN);
      }
      long predictNanos = 0;
      for (int[] day : days) {
        ForecastInput in = new ForecastInput(data, day[0], perDay, zone);
        long p0 = System.nanoTime();
        double[][] out = f.predictAll(in);
        predictNanos += System.nanoTime() - p0;
        copyChecked(f, data, day, out, perDay, predicted, first);
      }
      results.put(f.name(), score(f.name(), data, predicted, first,
          (t1 - t0) / 1e9, predictNanos / 1e9));
    }
    return new BacktestResult(data.buildings(), testFrom, testTo, zone, first, steps, results);
  }

  /** Issue index and number of scored steps of each test day; refuses off-grid midnights. */
  private static List<int[]> testDays(MeterData data, LocalDate from, LocalDate to, ZoneId zone) {
    List<int[]> days = new ArrayList<>();
    int perDay = data.stepsPerDay();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      int issue = gridIndex(data, d, zone);
      int next = gridIndexOrFloor(data, d.plusDays(1), zone);
      if (issue < 1) {
        throw new IllegalArgumentException("test day " + d + " starts at or before the first data step "
            + data.start() + ": nothing to train on");
      }
      if (issue >= data.length()) {
        throw new IllegalArgumentException("test day " + d + " starts after the last data step "
            + data.time(data.length() - 1));
      }
      days.add(new int[] {issue, Math.min(perDay, next - issue)});
    }
    return days;
  }

  private static int gridIndex(MeterData data, LocalDate day, ZoneId zone) {
    Instant midnight = day.atStartOfDay(zone).toInstant();
    long offset = Duration.between(data.start(), midnight).toSeconds();
    if (Math.floorMod(offset, data.step().toSeconds()) != 0) {
      throw new IllegalArgumentException("test day " + day + ": local midnight in " + zone + " ("
          + midnight + ") is not on the data grid (start " + data.start() + ", step " + data.step()
          + "); choose the zone the grid was made for");
    }
    return data.indexOf(midnight);
  }

  private static int gridIndexOrFloor(MeterData data, LocalDate day, ZoneId zone) {
    return data.indexOf(day.atStartOfDay(zone).toInstant());
  }

  private static void copyChecked(Forecaster f, MeterData data, int[] day, double[][] out,
      int perDay, double[][] predicted, int first) {
    int nb = data.buildings().size();
    if (out == null || out.length != nb) {
      throw new IllegalStateException(f.name() + " returned " + (out == null ? "null" : out.length
          + " buildings") + " for issue " + data.time(day[0]) + ", expected " + nb);
    }
    for (int b = 0; b < nb; b++) {
      double[] p = out[b];
      String where = f.name() + ", building " + data.buildings().get(b) + ", issue " + data.time(day[0]);
      if (p == null || p.length != perDay) {
        throw new IllegalStateException(where + ": expected " + perDay + " values, got "
            + (p == null ? "null" : p.length));
      }
      for (int h = 0; h < day[1]; h++) {
        if (!Double.isFinite(p[h])) {
          throw new IllegalStateException(where + ": value " + p[h] + " at step " + h);
        }
        predicted[b][day[0] + h - first] = p[h];
      }
    }
  }

  private static BacktestResult.ForecasterResult score(String name, MeterData data,
      double[][] predicted, int first, double fitSeconds, double predictSeconds) {
    Map<String, ErrorSummary> perBuilding = new LinkedHashMap<>();
    for (int b = 0; b < predicted.length; b++) {
      double[] actual = new double[predicted[b].length];
      double[] p = predicted[b].clone();
      for (int i = 0; i < actual.length; i++) {
        int k = first + i;
        // Steps not forecast (the 25th hour of an autumn day) are not scored: actual set to NaN.
        actual[i] = k < data.length() && !Double.isNaN(p[i]) ? data.heatKw()[b][k] : Double.NaN;
        if (Double.isNaN(p[i])) {
          p[i] = 0;
        }
      }
      perBuilding.put(data.buildings().get(b), Metrics.summary(actual, p));
    }
    return new BacktestResult.ForecasterResult(name, perBuilding,
        ErrorSummary.meanOf(perBuilding.values()), fitSeconds, predictSeconds, predicted);
  }
}
