package org.heatgrid.forecast.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.baseline.NaiveYesterday;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.metrics.Metrics;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkForecasterTest {

  static final int TRAIN_END = 140 * 24;
  static MeterData data;
  static NetworkForecaster net;

  static TrainingSettings quick() {
    return TrainingSettings.defaults(HolidayCalendar.none()).withMaxEpochs(40).withMembers(1);
  }

  @BeforeAll
  static void train() {
    data = SiteData.make(1);
    net = new NetworkForecaster(quick());
    net.fit(data, TRAIN_END, ZoneOffset.UTC);
  }

  private static double cvrmse(Forecaster f) {
    double sum = 0;
    for (int b = 0; b < 2; b++) {
      double[] actual = new double[20 * 24];
      double[] predicted = new double[20 * 24];
      for (int d = 0; d < 20; d++) {
        int issue = TRAIN_END + d * 24;
        double[] p = f.predict(new ForecastInput(data, issue, 24, ZoneOffset.UTC), b);
        System.arraycopy(p, 0, predicted, d * 24, 24);
        System.arraycopy(data.heatKw()[b], issue, actual, d * 24, 24);
      }
      sum += Metrics.cvrmse(actual, predicted);
    }
    return sum / 2;
  }

  @Test
  void learnsTheWeatherDependenceThatYesterdayMisses() {
    NaiveYesterday naive = new NaiveYesterday();
    naive.fit(data, TRAIN_END, ZoneOffset.UTC);
    double model = cvrmse(net);
    assertThat(model).isLessThan(0.5 * cvrmse(naive)).isLessThan(15);
  }

  @Test
  void sameSeedTrainsTheSameNetwork() {
    NetworkForecaster again = new NetworkForecaster(quick());
    again.fit(data, TRAIN_END, ZoneOffset.UTC);
    ForecastInput in = new ForecastInput(data, TRAIN_END, 24, ZoneOffset.UTC);
    assertThat(again.predictAll(in)).isDeepEqualTo(net.predictAll(in));
  }

  @Test
  void fewerStepsThanTheHorizonAreTheFirstStepsOfTheDay() {
    double[] day = net.predict(new ForecastInput(data, TRAIN_END, 24, ZoneOffset.UTC), 0);
    double[] three = net.predict(new ForecastInput(data, TRAIN_END, 3, ZoneOffset.UTC), 0);
    assertThat(three).containsExactly(day[0], day[1], day[2]);
  }

  @Test
  void refusesUnknownBuildingsAndAnotherGrid() {
    MeterData other = new MeterData(data.start(), data.step(), List.of("A", "Z"), data.heatKw(),
        data.outdoorC(), data.ghiWm2());
    assertThatThrownBy(() -> net.predict(new ForecastInput(other, TRAIN_END, 24, ZoneOffset.UTC), 1))
        .hasMessageContaining("unknown building \"Z\"").hasMessageContaining("[A, B]");
    MeterData quarter = new MeterData(data.start(), Duration.ofMinutes(15), data.buildings(),
        data.heatKw(), data.outdoorC(), data.ghiWm2());
    assertThatThrownBy(() -> net.predict(new ForecastInput(quarter, TRAIN_END, 24, ZoneOffset.UTC), 0))
        .hasMessageContaining("expects a 60-minute grid");
  }

  @Test
  void refusesTooLittleData() {
    assertThatThrownBy(() -> new NetworkForecaster(quick()).fit(data, 9 * 24, ZoneOffset.UTC))
        .hasMessageContaining("too little training data");
  }
}
