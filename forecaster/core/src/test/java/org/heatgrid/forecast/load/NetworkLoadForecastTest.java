package org.heatgrid.forecast.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.metrics.Metrics;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.heatgrid.weather.WeatherForecast;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot-water network on synthetic hot water with a clear daily and weekly pattern (morning and
 * evening peaks on weekdays, a late lower morning at weekends, 10 % noise): trained on eight weeks
 * with a few epochs, then fed quarter-hourly telemetry as the MPC would feed it.
 */
class NetworkLoadForecastTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final Duration STEP = Duration.ofMinutes(15);
  private static final HolidayCalendar HOLIDAYS = HolidayCalendar.korea();
  private static final OccupancySchedule ALWAYS = new OccupancySchedule(
      DailyHours.parse("00:00-24:00"), DailyHours.parse("00:00-24:00"), DailyHours.parse("00:00-24:00"));
  /** D1 and D2 draw hot water (scale kW), Z none. */
  private static final List<String> IDS = List.of("D1", "Z", "D2");
  private static final double[] SCALE = {40, 0, 15};
  private static final Site SITE = new Site("t", SEOUL, STEP,
      new Tariff("t", 361.98, new UsageRate.Flat(109.41)), HOLIDAYS, IDS.stream()
          .map(id -> new BuildingInfo(id, id, "dormitory", 5000, 2, ALWAYS, ComfortBand.DEFAULT, 800, 80))
          .toList());
  private static final LocalDateTime TRAIN_FROM = LocalDateTime.of(2025, 9, 1, 0, 0);
  private static final int TRAIN_DAYS = 56;
  /** Operation starts where training ends; a week to become ready, then a week scored. */
  private static final LocalDateTime RUN_FROM = TRAIN_FROM.plusDays(TRAIN_DAYS);

  private static NetworkForecaster network;
  private static HotWaterProfile profile;

  /** The pattern without noise, kW. */
  static double pattern(int b, LocalDateTime t) {
    double h = t.getHour() + t.getMinute() / 60.0;
    boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    double morning = weekend ? 0.6 * bump(h, 10, 1.5) : bump(h, 7.5, 1.0);
    double evening = bump(h, 21, 1.5);
    return SCALE[b] * (0.1 + morning + evening);
  }

  private static double bump(double h, double centre, double width) {
    double d = (h - centre) / width;
    return Math.exp(-d * d / 2);
  }

  /** The same weather every day: 0 C at midnight, 10 C at noon. */
  static double outdoorC(LocalDateTime t) {
    return 5 - 5 * Math.cos(2 * Math.PI * (t.getHour() + t.getMinute() / 60.0) / 24);
  }

  /** Hourly load as metered: the pattern at the hour's middle with 10 % noise. */
  static double metered(int b, LocalDateTime hour, Random noise) {
    return Math.max(0, pattern(b, hour.plusMinutes(30)) * (1 + 0.1 * noise.nextGaussian()));
  }

  @BeforeAll
  static void train() {
    int hours = TRAIN_DAYS * 24;
    double[][] heat = new double[IDS.size()][hours];
    double[][] outdoor = new double[IDS.size()][hours];
    double[][] ghi = new double[IDS.size()][hours];
    List<LocalDateTime> starts = new ArrayList<>();
    Random noise = new Random(1);
    for (int k = 0; k < hours; k++) {
      LocalDateTime t = TRAIN_FROM.plusHours(k);
      starts.add(t);
      for (int b = 0; b < IDS.size(); b++) {
        heat[b][k] = metered(b, t, noise);
        outdoor[b][k] = outdoorC(t.plusMinutes(30));
      }
    }
    MeterData data = new MeterData(TRAIN_FROM.atZone(SEOUL).toInstant(), Duration.ofHours(1), IDS, heat,
        outdoor, ghi);
    profile = HotWaterProfile.fit(starts, heat, 60, HOLIDAYS);
    NetworkLoadForecast trained = NetworkLoadForecast.train(data, SEOUL,
        NetworkLoadForecast.settings(HOLIDAYS, 3, 1, 7).withMaxEpochs(60), profile);
    network = trained.network();
    assertThat(trained.buildings()).containsExactly("D1", "D2");
  }

  /** A fresh forecast around the trained networks (its own level-correction cache). */
  private static NetworkLoadForecast fresh() {
    NetworkLoadForecast f = new NetworkLoadForecast(
        NetworkForecaster.of(network.networks(), network.spec(), network.scaling(), HOLIDAYS), 3, profile);
    f.start(SITE);
    return f;
  }

  /** The observation at {@code t}: telemetry of the quarter before it, hot water only (no circuit flow). */
  private static Observation observation(LocalDateTime t, double[] loadKw) {
    Map<String, Telemetry> tel = new HashMap<>();
    for (int b = 0; b < IDS.size(); b++) {
      tel.put(IDS.get(b), new Telemetry(IDS.get(b), loadKw[b], 100, 50, 2, 45, 45, 0,
          new double[] {21, 21}, outdoorC(t.minusMinutes(8)), false));
    }
    double[] out = new double[193];
    for (int k = 0; k < out.length; k++) {
      out[k] = outdoorC(t.plus(STEP.multipliedBy(k)).plusMinutes(7));
    }
    return new Observation(t.atZone(SEOUL).toInstant(), t, STEP, tel,
        new WeatherForecast(t.atZone(SEOUL).toInstant(), STEP, out, new double[193]));
  }

  /** Feeds hours [from, to) quarter by quarter; the loads of an hour are its metered value. */
  private static void feed(NetworkLoadForecast f, LocalDateTime from, LocalDateTime to, Random noise) {
    for (LocalDateTime hour = from; hour.isBefore(to); hour = hour.plusHours(1)) {
      double[] load = new double[IDS.size()];
      for (int b = 0; b < IDS.size(); b++) {
        load[b] = metered(b, hour, noise);
      }
      for (int q = 1; q <= 4; q++) {
        f.observe(observation(hour.plusMinutes(15 * q), load));
      }
    }
  }

  @Test
  void forecastsTheDailyPatternBetterThanAFlatMean() {
    NetworkLoadForecast f = fresh();
    Random noise = new Random(2);
    feed(f, RUN_FROM, RUN_FROM.plusDays(7), noise);
    List<Double> actual = new ArrayList<>();
    List<Double> predicted = new ArrayList<>();
    List<Double> flat = new ArrayList<>();
    for (int d = 7; d < 14; d++) {
      LocalDateTime midnight = RUN_FROM.plusDays(d);
      Observation o = observation(midnight, new double[IDS.size()]);
      for (int b = 0; b < IDS.size(); b++) {
        double[] q = f.loadKw(b, o, 96);
        assertThat(q).hasSize(96);
        assertThat(Arrays.stream(q).allMatch(v -> Double.isFinite(v) && v >= 0)).isTrue();
        if (SCALE[b] == 0) {
          assertThat(q).containsOnly(0.0);
          continue;
        }
        double mean = Arrays.stream(trainingSeries(b)).average().orElseThrow();
        for (int h = 0; h < 24; h++) {
          actual.add(pattern(b, midnight.plusHours(h).plusMinutes(30)));
          predicted.add(q[4 * h]);
          flat.add(mean);
        }
      }
      feed(f, midnight, midnight.plusDays(1), noise);
    }
    double[] a = actual.stream().mapToDouble(Double::doubleValue).toArray();
    double cvNet = Metrics.cvrmse(a, predicted.stream().mapToDouble(Double::doubleValue).toArray());
    double cvFlat = Metrics.cvrmse(a, flat.stream().mapToDouble(Double::doubleValue).toArray());
    System.out.printf("synthetic hot water, day-ahead CV(RMSE): network %.1f %%, flat mean %.1f %%%n", cvNet, cvFlat);
    assertThat(cvNet).isLessThan(15).isLessThan(0.2 * cvFlat);
    assertThat(f.networkAnswers()).isEqualTo(14);
    assertThat(f.fallbackAnswers()).isZero();
  }

  private static double[] trainingSeries(int b) {
    Random noise = new Random(1);
    double[] out = new double[TRAIN_DAYS * 24];
    for (int k = 0; k < out.length; k++) {
      for (int c = 0; c < IDS.size(); c++) {
        double v = metered(c, TRAIN_FROM.plusHours(k), noise);
        if (c == b) {
          out[k] = v;
        }
      }
    }
    return out;
  }

  @Test
  void answersWithTheProfileUntilAWeekOfHistory() {
    NetworkLoadForecast f = fresh();
    feed(f, RUN_FROM, RUN_FROM.plusDays(3), new Random(3));
    Observation o = observation(RUN_FROM.plusDays(3), new double[IDS.size()]);
    assertThat(f.loadKw(0, o, 96)).containsExactly(profile.loadKw(0, o, 96));
    assertThat(f.fallbackAnswers()).isEqualTo(1);
    assertThat(f.networkAnswers()).isZero();
  }

  @Test
  void readsNothingObservedAfterTheIssue() {
    LocalDateTime issue = RUN_FROM.plusDays(8); // midnight: an issue hour
    NetworkLoadForecast seenAtIssue = fresh();
    feed(seenAtIssue, RUN_FROM, issue, new Random(4));
    double[] atIssue = seenAtIssue.loadKw(0, observation(issue, new double[IDS.size()]), 96);

    // The same history, then two hours of absurd hot water before the forecast is first asked
    // for: the issue is still midnight and the network must not see those hours.
    NetworkLoadForecast seenLater = fresh();
    feed(seenLater, RUN_FROM, issue, new Random(4));
    double[] huge = {5000, 5000, 5000};
    for (int q = 1; q <= 8; q++) {
      seenLater.observe(observation(issue.plusMinutes(15 * q), huge));
    }
    double[] later = seenLater.loadKw(0, observation(issue.plusHours(2), huge), 88);
    assertThat(later).containsExactly(Arrays.copyOfRange(atIssue, 8, 96), within(1e-9));

    // And a cached forecast does not move with later observations.
    seenAtIssue.observe(observation(issue.plusMinutes(15), huge));
    double[] cached = seenAtIssue.loadKw(0, observation(issue.plusMinutes(15), huge), 95);
    assertThat(cached).containsExactly(Arrays.copyOfRange(atIssue, 1, 96), within(1e-9));
  }
}
