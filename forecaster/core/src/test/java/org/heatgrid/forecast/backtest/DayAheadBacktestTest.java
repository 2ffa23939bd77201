package org.heatgrid.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.heatgrid.forecast.baseline.Arx;
import org.heatgrid.forecast.baseline.NaiveYesterday;
import org.heatgrid.forecast.baseline.Towt;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;
import org.junit.jupiter.api.Test;

class DayAheadBacktestTest {

  private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
  private static final int DAYS = 60;

  /** Hourly, perfectly daily-periodic heat (a different shape per building), varying weather. */
  private static MeterData periodic() {
    int n = DAYS * 24;
    double[][] heat = new double[2][n];
    double[][] temp = new double[2][n];
    double[][] ghi = new double[2][n];
    for (int k = 0; k < n; k++) {
      int h = k % 24;
      heat[0][k] = 50 + 20 * Math.sin(2 * Math.PI * h / 24);
      heat[1][k] = h >= 6 && h < 18 ? 12 : 0; // zeros are real readings
      temp[0][k] = temp[1][k] = 5 + 3 * Math.sin(k * 0.1);
      ghi[0][k] = ghi[1][k] = Double.NaN;
    }
    return new MeterData(START, Duration.ofHours(1), List.of("b1", "b2"), heat, temp, ghi);
  }

  private static final LocalDate FROM = LocalDate.of(2021, 2, 1);
  private static final LocalDate TO = LocalDate.of(2021, 2, 14);

  @Test
  void naiveIsExactOnADailyPeriodicLoad() {
    BacktestResult r = DayAheadBacktest.run(periodic(), FROM, TO, ZoneOffset.UTC,
        List.of(new NaiveYesterday(), new Towt(), new Arx()));
    BacktestResult.ForecasterResult naive = r.get("naive_24h");
    assertThat(naive.mean().cvrmse()).isZero();
    assertThat(naive.mean().nmbe()).isZero();
    assertThat(naive.mean().mae()).isZero();
    assertThat(naive.buildings().get("b1").n()).isEqualTo(14 * 24);
    assertThat(naive.mean().n()).isEqualTo(2 * 14 * 24);
    assertThat(r.firstStep()).isEqualTo(31 * 24);
    assertThat(r.steps()).isEqualTo(14 * 24);
    assertThat(naive.predictions()[0][0]).isEqualTo(periodic().heatKw()[0][31 * 24]);
    assertThat(r.forecasters().keySet()).containsExactly("naive_24h", "towt", "arx");
    assertThat(r.get("towt").fitSeconds()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aForecasterCannotReadTheHeatItPredicts() {
    Forecaster cheat = new Forecaster() {
      @Override
      public String name() {
        return "cheat";
      }

      @Override
      public void fit(MeterData data, int trainEnd, ZoneId zone) {}

      @Override
      public double[] predict(ForecastInput in, int b) {
        double[] out = new double[in.horizon()];
        for (int h = 0; h < out.length; h++) {
          out[h] = in.heatKw(b, in.issue() + h); // the answer: refused
        }
        return out;
      }
    };
    assertThatThrownBy(() -> DayAheadBacktest.run(periodic(), FROM, TO, ZoneOffset.UTC, List.of(cheat)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not known at issue");
  }

  /** Records what the backtest asks; forecasts a constant. */
  private static final class Recorder implements Forecaster {
    final List<Integer> trainEnds = new ArrayList<>();
    final List<ForecastInput> inputs = new ArrayList<>();

    @Override
    public String name() {
      return "model";
    }

    @Override
    public void fit(MeterData data, int trainEnd, ZoneId zone) {
      trainEnds.add(trainEnd);
    }

    @Override
    public double[] predict(ForecastInput in, int b) {
      if (b == 0) {
        inputs.add(in);
      }
      double[] out = new double[in.horizon()];
      Arrays.fill(out, 1);
      return out;
    }
  }

  @Test
  void fitsOnceBeforeTheTestPeriodAndIssuesAtEachLocalMidnight() {
    Recorder rec = new Recorder();
    DayAheadBacktest.run(periodic(), FROM, TO, ZoneOffset.UTC, List.of(rec));
    assertThat(rec.trainEnds).containsExactly(31 * 24);
    assertThat(rec.inputs).hasSize(14);
    for (int d = 0; d < 14; d++) {
      ForecastInput in = rec.inputs.get(d);
      assertThat(in.issue()).isEqualTo((31 + d) * 24);
      assertThat(in.horizon()).isEqualTo(24);
      assertThat(in.localTime(in.issue()).toLocalTime().toSecondOfDay()).isZero();
    }
  }

  @Test
  void daylightSavingDaysAreScoredOnceEachStep() {
    // Europe/London, spring forward 2021-03-28 (23 h) within 2021-03-27..29.
    Recorder rec = new Recorder();
    LocalDate from = LocalDate.of(2021, 2, 26);
    LocalDate to = LocalDate.of(2021, 2, 28);
    MeterData d = periodic();
    BacktestResult r = DayAheadBacktest.run(d, from, to, ZoneId.of("Europe/London"), List.of(rec));
    assertThat(r.get("model").buildings().get("b1").n()).isEqualTo(72);
    MeterData longer = longerPeriodic(100);
    Recorder rec2 = new Recorder();
    BacktestResult dst = DayAheadBacktest.run(longer, LocalDate.of(2021, 3, 27), LocalDate.of(2021, 3, 29),
        ZoneId.of("Europe/London"), List.of(rec2));
    assertThat(dst.get("model").buildings().get("b1").n()).isEqualTo(24 + 23 + 24);
    assertThat(rec2.inputs.get(2).issue() - rec2.inputs.get(1).issue()).isEqualTo(23);
  }

  private static MeterData longerPeriodic(int days) {
    MeterData p = periodic();
    int n = days * 24;
    double[][][] a = new double[3][2][n];
    for (int b = 0; b < 2; b++) {
      for (int k = 0; k < n; k++) {
        a[0][b][k] = p.heatKw()[b][k % (DAYS * 24)];
        a[1][b][k] = p.outdoorC()[b][k % (DAYS * 24)];
        a[2][b][k] = Double.NaN;
      }
    }
    return new MeterData(START, Duration.ofHours(1), p.buildings(), a[0], a[1], a[2]);
  }

  @Test
  void refusesATestDayWhoseMidnightIsOffTheGrid() {
    assertThatThrownBy(() -> DayAheadBacktest.run(periodic(), FROM, TO, ZoneId.of("Asia/Kolkata"),
        List.of(new NaiveYesterday())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2021-02-01").hasMessageContaining("Asia/Kolkata");
  }

  @Test
  void refusesPeriodsOutsideTheDataAndDuplicateNames() {
    assertThatThrownBy(() -> DayAheadBacktest.run(periodic(), LocalDate.of(2021, 1, 1), TO,
        ZoneOffset.UTC, List.of(new NaiveYesterday()))).hasMessageContaining("nothing to train on");
    assertThatThrownBy(() -> DayAheadBacktest.run(periodic(), FROM, LocalDate.of(2021, 5, 1),
        ZoneOffset.UTC, List.of(new NaiveYesterday()))).hasMessageContaining("after the last data step");
    assertThatThrownBy(() -> DayAheadBacktest.run(periodic(), FROM, TO, ZoneOffset.UTC,
        List.of(new NaiveYesterday(), new NaiveYesterday()))).hasMessageContaining("naive_24h");
  }

  @Test
  void writesJsonAndATable() {
    BacktestResult r = DayAheadBacktest.run(periodic(), FROM, TO, ZoneOffset.UTC,
        List.of(new Recorder(), new NaiveYesterday(), new Towt(), new Arx()));
    String json = r.toJson().replaceAll("\\s", "");
    assertThat(json).startsWith("{\"model\":{\"mean\":{\"cvrmse\":")
        .contains("\"buildings\":{\"b1\":{\"cvrmse\":")
        .contains("\"naive_24h\":{\"mean\":{\"cvrmse\":0.0,\"nmbe\":0.0,\"mae\":0.0}")
        .contains("\"towt\":{", "\"arx\":{")
        .contains("\"timing_seconds\":{\"model\":{\"fit\":")
        .endsWith("}}}");
    assertThat(json.chars().filter(c -> c == '{').count())
        .isEqualTo(json.chars().filter(c -> c == '}').count());
    Map<String, Object> metrics = r.metricsOf("naive_24h");
    assertThat(metrics).containsEntry("test_from", "2021-02-01").containsEntry("zone", "Z")
        .containsKeys("mean", "buildings", "baselines", "fit_seconds", "predict_seconds");
    assertThat(metrics.get("mean"))
        .isEqualTo(Map.of("cvrmse", 0.0, "nmbe", 0.0, "mae", 0.0, "n", 2 * 14 * 24));
    Map<?, ?> baselines = (Map<?, ?>) metrics.get("baselines");
    assertThat(List.copyOf(baselines.keySet())).isEqualTo(List.of("model", "towt", "arx"));
    assertThat(Map.copyOf(metrics)).hasSameSizeAs(metrics); // no null values
    String table = r.toTable();
    assertThat(table).contains("naive_24h", "towt", "arx", "CV(RMSE)%", "NMBE%", "MAE kW", "b1", "b2", "mean");
    assertThat(table.lines().filter(l -> l.startsWith("mean")).findFirst().orElseThrow())
        .contains("0.00");
  }
}
