package org.heatgrid.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.junit.jupiter.api.Test;

class ArxTest {

  @Test
  void recoversAnArxModelOnAHeldOutWeek() {
    double[] heat = Synthetic.arxSeries();
    MeterData d = Synthetic.data(List.of("a"), new double[][] {heat},
        new double[][] {Synthetic.temperatureSeries()});
    Arx arx = new Arx();
    double[][] p = Synthetic.heldOutWeek(arx, d);
    assertThat(Synthetic.cvrmseOfWeek(d, 0, p[0])).isLessThan(1.0);
    // Regressors: 6 temperature slopes, lag 24 h, lag 168 h, mean of the day before the issue.
    assertThat(arx.model(0).fit().beta())
        .containsExactly(new double[] {-2, -2, -2, -2, 0, 0, 0.5, 0, 0}, within(1e-6));
    // TOWT cannot follow the lag: clearly worse on the same data.
    double[][] towt = Synthetic.heldOutWeek(new Towt(), d);
    assertThat(Synthetic.cvrmseOfWeek(d, 0, towt[0])).isGreaterThan(1.0);
  }

  @Test
  void readsOnlyHeatBeforeTheIssueEvenForLongHorizons() {
    MeterData d = Synthetic.data(List.of("a"), new double[][] {Synthetic.arxSeries()},
        new double[][] {Synthetic.temperatureSeries()});
    Arx arx = new Arx();
    arx.fit(d, Synthetic.TRAIN_END, ZoneOffset.UTC);
    // ForecastInput throws on any read at or after the issue; three days ahead must not need one.
    double[] p = arx.predict(new ForecastInput(d, Synthetic.TRAIN_END, 72, ZoneOffset.UTC), 0);
    assertThat(p).hasSize(72);
    assertThat(Arrays.stream(p)).allMatch(Double::isFinite);
    // The first day is the day-ahead forecast itself.
    double[] dayAhead = arx.predict(new ForecastInput(d, Synthetic.TRAIN_END, 24, ZoneOffset.UTC), 0);
    assertThat(Arrays.copyOf(p, 24)).containsExactly(dayAhead, within(1e-9));
  }

  @Test
  void missingLagsAreImputedAndShortHistoryFallsBackToTheMean() {
    double[] heat = Synthetic.arxSeries();
    // Yesterday unknown before the first test day: lag 24 and the day mean come from a week earlier.
    Arrays.fill(heat, Synthetic.TRAIN_END - 24, Synthetic.TRAIN_END, Double.NaN);
    double[] temp = Synthetic.temperatureSeries();
    MeterData d = Synthetic.data(List.of("gappy", "short", "none"),
        new double[][] {heat, Synthetic.onlyLastDays(Synthetic.arxSeries(), 3), Synthetic.nans()},
        new double[][] {temp, temp, temp});
    Arx arx = new Arx();
    double[][] p = Synthetic.heldOutWeek(arx, d);
    for (double[] row : p) {
      assertThat(Arrays.stream(row)).allMatch(v -> Double.isFinite(v) && v >= 0);
    }
    assertThat(arx.model(0).meanOnly()).isFalse();
    assertThat(arx.model(1).meanOnly()).isTrue();
    assertThat(p[2]).containsOnly(0.0);
    // Days after the gap have their lags again: exact.
    double[] later = Arrays.copyOfRange(p[0], 48, 168);
    double[] actual = Arrays.copyOfRange(d.heatKw()[0], Synthetic.TRAIN_END + 48, Synthetic.TRAIN_END + 168);
    assertThat(later).containsExactly(actual, within(1e-6));
  }
}
