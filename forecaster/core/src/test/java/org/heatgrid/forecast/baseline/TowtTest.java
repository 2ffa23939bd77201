package org.heatgrid.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.junit.jupiter.api.Test;

class TowtTest {

  @Test
  void recoversATowtModelOnAHeldOutWeek() {
    double[] heat = Synthetic.towtSeries();
    double[] temp = Synthetic.temperatureSeries();
    heat[100] = Double.NaN; // missing readings are skipped in training
    temp[200] = Double.NaN;
    MeterData d = Synthetic.data(List.of("a"), new double[][] {heat}, new double[][] {temp});
    Towt towt = new Towt();
    double[][] p = Synthetic.heldOutWeek(towt, d);
    assertThat(Synthetic.cvrmseOfWeek(d, 0, p[0])).isLessThan(1.0);
    assertThat(towt.model(0).meanOnly()).isFalse();
    // Slopes of max(0, 15 - T): -2 on the segments below 15 C, 0 above.
    assertThat(towt.model(0).fit().beta())
        .containsExactly(new double[] {-2, -2, -2, -2, 0, 0}, within(1e-6));
  }

  @Test
  void usesTheTargetHoursTemperature() {
    double[][] heat = {Synthetic.towtSeries()};
    double[][] temp = {Synthetic.temperatureSeries()};
    MeterData d = Synthetic.data(List.of("a"), heat, temp);
    Towt towt = new Towt();
    towt.fit(d, Synthetic.TRAIN_END, ZoneOffset.UTC);
    double before = towt.predict(new ForecastInput(d, Synthetic.TRAIN_END, 24, ZoneOffset.UTC), 0)[5];
    temp[0][Synthetic.TRAIN_END + 5] -= 3; // a colder target hour: 2 kW/K more heat below 15 C
    double after = towt.predict(new ForecastInput(d, Synthetic.TRAIN_END, 24, ZoneOffset.UTC), 0)[5];
    assertThat(after - before).isCloseTo(6, within(1e-6));
  }

  @Test
  void aBuildingWithThreeDaysOfDataFallsBackToItsMean() {
    double[] full = Synthetic.towtSeries();
    double[] shortHeat = Synthetic.onlyLastDays(full, 3);
    double[] temp = Synthetic.temperatureSeries();
    MeterData d = Synthetic.data(List.of("full", "short", "none"),
        new double[][] {full, shortHeat, Synthetic.nans()}, new double[][] {temp, temp, temp});
    Towt towt = new Towt();
    double[][] p = Synthetic.heldOutWeek(towt, d);
    double mean = Arrays.stream(shortHeat).filter(Double::isFinite).limit(72).average().orElseThrow();
    assertThat(towt.model(1).meanOnly()).isTrue();
    assertThat(Arrays.stream(p[1])).allSatisfy(v -> assertThat(v).isCloseTo(mean, within(1e-9)));
    assertThat(p[2]).containsOnly(0.0);
    assertThat(Synthetic.cvrmseOfWeek(d, 0, p[0])).isLessThan(1.0);
  }

  @Test
  void aSingularDesignFallsBackToRidge() {
    // Constant temperature: the temperature columns carry nothing once time of week is known.
    double[] temp = new double[Synthetic.STEPS];
    Arrays.fill(temp, 10);
    double[] heat = new double[Synthetic.STEPS];
    for (int k = 0; k < heat.length; k++) {
      heat[k] = Synthetic.profile(k);
    }
    MeterData d = Synthetic.data(List.of("a"), new double[][] {heat}, new double[][] {temp});
    Towt towt = new Towt();
    double[][] p = Synthetic.heldOutWeek(towt, d);
    assertThat(towt.model(0).fit().ridge()).isTrue();
    assertThat(Synthetic.cvrmseOfWeek(d, 0, p[0])).isLessThan(1e-6);
  }

  @Test
  void fillsAMissingTargetTemperature() {
    double[][] heat = {Synthetic.towtSeries()};
    double[][] temp = {Synthetic.temperatureSeries()};
    Arrays.fill(temp[0], Synthetic.TRAIN_END, Synthetic.STEPS, Double.NaN);
    MeterData d = Synthetic.data(List.of("a"), heat, temp);
    double[][] p = Synthetic.heldOutWeek(new Towt(), d);
    assertThat(Arrays.stream(p[0])).allMatch(Double::isFinite);
  }
}
