package org.heatgrid.forecast.load;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.heatgrid.site.Site;
import org.heatgrid.weather.WeatherForecast;

/**
 * Uncontrolled load (hot water) forecast by the project's Deeplearning4j network: trained on the
 * history's hourly load of the buildings that have any, then fed during operation with the load it
 * derives from the telemetry it is shown ({@link Telemetry#otherHeatKw}, as the history was). At the
 * issue hours it was trained for (every {@code strideHours} from local midnight; at most once an
 * hour) it issues a day-ahead forecast for all those buildings at once and holds each hour's value
 * over its control steps; steps beyond the network's day repeat that day. Buildings whose load is
 * small (campus16's buildings without hot water show the meters' error, about 1 kW) are left to the
 * fallback, which is as good there and costs no training. Until a building has a
 * week of its own history (the network's inputs), or if the network gives anything but finite
 * numbers, that building is answered by the fallback (the history profile) and counted.
 */
public final class NetworkLoadForecast implements LoadForecast {

  private static final Logger LOG = Logger.getLogger(NetworkLoadForecast.class.getName());
  /** Days of own history a building needs before the network forecasts it: its input window. */
  static final int HISTORY_DAYS = 7;
  /** Share of those hours that must have a reading. */
  static final double KNOWN_SHARE = 0.9;
  /** A building's mean load, as a share of the largest building's, from which the network forecasts it. */
  public static final double MIN_SHARE_OF_LARGEST = 0.1;

  private final NetworkForecaster network; // null when no building has hot water
  private final List<String> ids; // the network's buildings
  private final int strideHours;
  private final LoadForecast fallback;
  private ZoneId zone;
  private int[] row; // site building -> network row, -1 for a building without hot water
  private HourlyLoad seen;
  private double previousGhi = Double.NaN;
  private int issued = Integer.MIN_VALUE;
  private double[][] day; // per network row the forecast issued at hour `issued`, null if none
  private long networkAnswers;
  private long fallbackAnswers;

  /**
   * @param network a fitted network (trained or loaded) whose buildings are those with hot water
   * @param strideHours hours between the network's issues, from local midnight: the training's
   *     issue stride, so that it forecasts only from the hours it learnt to forecast from
   * @param fallback answers the other buildings, and these while the network cannot (the history profile)
   */
  public NetworkLoadForecast(NetworkForecaster network, int strideHours, LoadForecast fallback) {
    if (strideHours < 1 || 24 % strideHours != 0) {
      throw new IllegalArgumentException("issue stride must divide a day: " + strideHours + " h");
    }
    this.network = network;
    this.ids = network == null ? List.of() : network.spec().buildings();
    this.strideHours = strideHours;
    this.fallback = fallback;
  }

  /**
   * Training settings for one season of hourly history: the faster optimiser the forecaster's
   * README finds for campus16-sized data; issues every {@code strideHours} so the network can
   * forecast from any hour of the day, not only midnight.
   */
  public static TrainingSettings settings(HolidayCalendar holidays, int strideHours, int members, long seed) {
    return TrainingSettings.defaults(holidays).withOptimiser(0.001, 64, 15)
        .withIssueStrideHours(strideHours).withMembers(members).withSeed(seed);
  }

  /**
   * The history restricted to the buildings whose mean load is positive and at least
   * {@link #MIN_SHARE_OF_LARGEST} of the largest building's (an all-zero series is never trained on).
   */
  public static MeterData withLoad(MeterData hourly) {
    double[] mean = new double[hourly.buildings().size()];
    for (int b = 0; b < mean.length; b++) {
      mean[b] = Arrays.stream(hourly.heatKw()[b]).filter(Double::isFinite).average().orElse(0);
    }
    double largest = Arrays.stream(mean).max().orElse(0);
    List<Integer> keep = new ArrayList<>();
    for (int b = 0; b < mean.length; b++) {
      if (mean[b] > 0 && mean[b] >= MIN_SHARE_OF_LARGEST * largest) {
        keep.add(b);
      }
    }
    LOG.fine(() -> "mean uncontrolled load by building, kW: " + Arrays.toString(
        Arrays.stream(mean).map(v -> Math.round(v * 100) / 100.0).toArray()));
    int n = keep.size();
    double[][][] out = new double[3][n][];
    List<String> ids = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      int b = keep.get(r);
      ids.add(hourly.buildings().get(b));
      out[0][r] = hourly.heatKw()[b];
      out[1][r] = hourly.outdoorC()[b];
      out[2][r] = hourly.ghiWm2()[b];
    }
    return new MeterData(hourly.start(), hourly.step(), ids, out[0], out[1], out[2]);
  }

  /**
   * Trains the network on the hourly history of the buildings with load.
   *
   * @param hourly hourly uncontrolled load per building with the observed weather
   */
  public static NetworkLoadForecast train(MeterData hourly, ZoneId zone, TrainingSettings settings,
      LoadForecast fallback) {
    MeterData data = withLoad(hourly);
    if (data.buildings().isEmpty()) {
      return new NetworkLoadForecast(null, settings.issueStrideHours(), fallback);
    }
    NetworkForecaster f = new NetworkForecaster(settings);
    long t0 = System.nanoTime();
    f.fit(data, data.length(), zone);
    LOG.info(() -> String.format("hot-water network trained on %s in %.1f s", data.buildings(),
        (System.nanoTime() - t0) / 1e9));
    return new NetworkLoadForecast(f, settings.issueStrideHours(), fallback);
  }

  @Override
  public void start(Site site) {
    zone = site.zone();
    row = new int[site.buildings().size()];
    for (int b = 0; b < row.length; b++) {
      row[b] = ids.indexOf(site.buildings().get(b).id());
    }
    seen = new HourlyLoad(ids, zone);
    previousGhi = Double.NaN;
    issued = Integer.MIN_VALUE;
    day = null;
    fallback.start(site);
  }

  @Override
  public void observe(Observation o) {
    fallback.observe(o);
    if (!o.telemetry().isEmpty() && !ids.isEmpty()) {
      // The telemetry is of the period that just ended; the irradiance the weather service gave
      // for it is the last observation's present value (as the history recorder keeps it).
      Instant periodStart = o.time().minus(o.step());
      for (int r = 0; r < ids.size(); r++) {
        Telemetry t = o.telemetry().get(ids.get(r));
        seen.add(periodStart, r, t == null ? Double.NaN : t.otherHeatKw(),
            t == null ? Double.NaN : t.outdoorC(), previousGhi);
      }
    }
    previousGhi = o.forecast().ghiWm2(0);
  }

  @Override
  public double[] loadKw(int b, Observation o, int steps) {
    int r = row[b];
    if (r < 0) {
      return fallback.loadKw(b, o, steps);
    }
    double[] forecast = dayAhead(o)[r];
    if (forecast == null) {
      fallbackAnswers++;
      return fallback.loadKw(b, o, steps);
    }
    networkAnswers++;
    double[] out = new double[steps];
    for (int k = 0; k < steps; k++) {
      int h = seen.hourIndex(o.time().plus(o.step().multipliedBy(k))) - issued;
      out[k] = forecast[Math.floorMod(h, forecast.length)];
    }
    return out;
  }

  /** The forecast of the latest issue hour, made on the first call after it. */
  private double[][] dayAhead(Observation o) {
    if (seen.isEmpty()) {
      return new double[ids.size()][];
    }
    int issue = Math.floorDiv(seen.hourIndex(o.time()), strideHours) * strideHours;
    if (issue == issued) {
      return day;
    }
    issued = issue;
    day = new double[ids.size()][];
    boolean any = false;
    boolean[] ready = new boolean[ids.size()];
    for (int r = 0; r < ids.size(); r++) {
      int window = HISTORY_DAYS * 24;
      ready[r] = seen.knownHours(r, issue, window) >= KNOWN_SHARE * window;
      any |= ready[r];
    }
    if (!any) {
      return day;
    }
    if (networkAnswers == 0) {
      LOG.info(() -> "hot-water network forecasts from " + o.localTime() + " on; the profile answered "
          + fallbackAnswers + " building forecasts before");
    }
    int horizon = network.spec().horizon();
    double[][] weather = hourlyWeather(o.forecast(), seen.start().plus(Duration.ofHours(issue)), horizon);
    MeterData data = seen.issueData(issue, weather[0], weather[1]);
    // ForecastInput refuses heat at or after the issue: the network reads only the past.
    double[][] all = network.predictAll(new ForecastInput(data, issue, horizon, zone));
    for (int r = 0; r < ids.size(); r++) {
      if (ready[r] && Arrays.stream(all[r]).allMatch(v -> Double.isFinite(v) && v >= 0)) {
        day[r] = all[r];
      }
    }
    return day;
  }

  /** Hourly means of the weather forecast's values from {@code from}, NaN where it has none. */
  static double[][] hourlyWeather(WeatherForecast f, Instant from, int hours) {
    double[][] out = new double[2][hours];
    for (int h = 0; h < hours; h++) {
      Instant a = from.plus(Duration.ofHours(h));
      Instant b = a.plus(Duration.ofHours(1));
      double t = 0;
      double g = 0;
      int n = 0;
      for (int k = 0; k < f.size(); k++) {
        Instant at = f.issuedAt().plus(f.step().multipliedBy(k));
        if (!at.isBefore(a) && at.isBefore(b)) {
          t += f.outdoorC(k);
          g += f.ghiWm2(k);
          n++;
        }
      }
      out[0][h] = n == 0 ? Double.NaN : t / n;
      out[1][h] = n == 0 ? Double.NaN : g / n;
    }
    return out;
  }

  /** Buildings the network forecasts (those with hot water in the history). */
  public List<String> buildings() {
    return ids;
  }

  /** The network, or null when no building had any load. */
  public NetworkForecaster network() {
    return network;
  }

  /** Building forecasts answered by the network. */
  public long networkAnswers() {
    return networkAnswers;
  }

  /** Building forecasts answered by the fallback because the network was not ready. */
  public long fallbackAnswers() {
    return fallbackAnswers;
  }
}
