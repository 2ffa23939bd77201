package org.heatgrid.forecast.load;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;

/**
 * Hourly means of per-period readings (uncontrolled load, outdoor temperature, irradiance) for
 * several buildings, on a grid that starts at a local midnight: the forecaster's day-ahead
 * features and its level correction count days from the grid's start.
 */
public final class HourlyLoad {

  private static final long HOUR_S = 3600;

  private final List<String> ids;
  private final ZoneId zone;
  private Instant start;
  private int hours;
  private int capacity;
  // [series: load, outdoor, ghi][building][hour]: sums and counts of the finite values
  private double[][][] sum;
  private int[][][] count;

  public HourlyLoad(List<String> ids, ZoneId zone) {
    this.ids = List.copyOf(ids);
    this.zone = zone;
  }

  /**
   * Adds one building's readings for the period that starts at {@code periodStart} (NaN for a
   * missing reading). A period is counted in the hour it starts in.
   */
  public void add(Instant periodStart, int b, double loadKw, double outdoorC, double ghiWm2) {
    if (start == null) {
      LocalDate day = periodStart.atZone(zone).toLocalDate();
      start = day.atStartOfDay(zone).toInstant();
      sum = new double[3][ids.size()][0];
      count = new int[3][ids.size()][0];
    }
    int h = hourIndex(periodStart);
    if (h < 0) {
      return; // before the grid: periods arrive in time order, so only a clock step back lands here
    }
    ensure(h + 1);
    double[] v = {loadKw, outdoorC, ghiWm2};
    for (int s = 0; s < 3; s++) {
      if (Double.isFinite(v[s])) {
        sum[s][b][h] += v[s];
        count[s][b][h]++;
      }
    }
  }

  /** Hour of the grid that contains {@code t}; meaningful once a reading was added. */
  int hourIndex(Instant t) {
    return (int) Math.floorDiv(Duration.between(start, t).toSeconds(), HOUR_S);
  }

  boolean isEmpty() {
    return start == null;
  }

  Instant start() {
    return start;
  }

  /** Hours of {@code b} with a load reading among the {@code n} before hour {@code end}. */
  int knownHours(int b, int end, int n) {
    int known = 0;
    for (int h = Math.max(0, end - n); h < Math.min(end, hours); h++) {
      known += count[0][b][h] > 0 ? 1 : 0;
    }
    return known;
  }

  /**
   * The means as meter data of {@code end + ahead.length} hours for an issue at hour {@code end}:
   * load before the issue only; the observed weather, and from the issue on the weather forecast
   * {@code outdoorAhead}, {@code ghiAhead} (hourly, the same for every building) where it has a
   * value (a forecast asked for after its issue hour has none for the hours already past).
   */
  MeterData issueData(int end, double[] outdoorAhead, double[] ghiAhead) {
    if (start == null) {
      throw new IllegalStateException("no readings yet");
    }
    int length = end + outdoorAhead.length;
    double[][][] out = new double[3][ids.size()][length];
    for (int s = 0; s < 3; s++) {
      for (int b = 0; b < ids.size(); b++) {
        Arrays.fill(out[s][b], Double.NaN);
        for (int h = 0; h < Math.min(s == 0 ? end : length, hours); h++) {
          if (count[s][b][h] > 0) {
            out[s][b][h] = sum[s][b][h] / count[s][b][h];
          }
        }
        double[] ahead = s == 1 ? outdoorAhead : ghiAhead;
        for (int h = 0; s > 0 && h < ahead.length; h++) {
          if (Double.isFinite(ahead[h])) {
            out[s][b][end + h] = ahead[h];
          }
        }
      }
    }
    return new MeterData(start, Duration.ofHours(1), ids, out[0], out[1], out[2]);
  }

  /** All hours added so far. */
  public MeterData toMeterData() {
    return issueData(hours, new double[0], new double[0]);
  }

  private void ensure(int n) {
    if (n <= hours) {
      return;
    }
    if (n > capacity) {
      int grown = Math.max(n, capacity * 2 + 24);
      capacity = grown;
      for (int s = 0; s < 3; s++) {
        for (int b = 0; b < ids.size(); b++) {
          sum[s][b] = Arrays.copyOf(sum[s][b], grown);
          count[s][b] = Arrays.copyOf(count[s][b], grown);
        }
      }
    }
    hours = n;
  }
}
