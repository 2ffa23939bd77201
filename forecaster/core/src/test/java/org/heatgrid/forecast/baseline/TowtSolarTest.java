package org.heatgrid.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;
import org.junit.jupiter.api.Test;

class TowtSolarTest {

  /** Avoided heat per W/m2 of the day's mean irradiance, kW. */
  private static final double SOLAR_SLOPE = -0.08;

  /** A clear-sky bell from 7 to 17 h, scaled by a day's cloudiness that varies day to day. */
  private static double[] irradiance() {
    double[] g = new double[Synthetic.STEPS];
    for (int k = 0; k < g.length; k++) {
      int day = k / 24;
      int hour = k % 24;
      double clear = 1 - Math.abs(Math.sin(day * 12.9898) * 43758.5453 % 1);
      double sun = hour >= 7 && hour < 17 ? Math.sin(Math.PI * (hour - 7) / 10) : 0;
      g[k] = 600 * (0.2 + 0.8 * clear) * sun;
    }
    return g;
  }

  /** TOWT heat less the stored gain of the day's sun. */
  private static double[] solarHeat(double[] ghi) {
    double[] h = Synthetic.towtSeries();
    for (int k = 0; k < h.length; k++) {
      double daily = DailyIrradiance.at(j -> ghi[j], k, 24);
      h[k] += SOLAR_SLOPE * (Double.isFinite(daily) ? daily : 0);
    }
    return h;
  }

  private static MeterData data(double[] heat, double[] ghi) {
    return new MeterData(Synthetic.START, Duration.ofHours(1), List.of("a"), new double[][] {heat},
        new double[][] {Synthetic.temperatureSeries()}, new double[][] {ghi});
  }

  @Test
  void recoversTheIrradianceSlopeThatTowtMisses() {
    double[] ghi = irradiance();
    MeterData d = data(solarHeat(ghi), ghi);
    TowtSolar solar = new TowtSolar();
    double withSun = Synthetic.cvrmseOfWeek(d, 0, Synthetic.heldOutWeek(solar, d)[0]);
    double withoutSun = Synthetic.cvrmseOfWeek(d, 0, Synthetic.heldOutWeek(new Towt(), d)[0]);
    assertThat(solar.model(0).solar()).isTrue();
    double[] beta = solar.model(0).fit().beta();
    assertThat(beta[beta.length - 1]).isCloseTo(SOLAR_SLOPE, within(1e-6));
    assertThat(withSun).isLessThan(0.01);
    assertThat(withoutSun).isGreaterThan(5 * withSun);
  }

  @Test
  void withoutIrradianceItIsTowt() {
    double[] heat = Synthetic.towtSeries();
    MeterData d = data(heat, Synthetic.nans());
    TowtSolar solar = new TowtSolar();
    double[] p = Synthetic.heldOutWeek(solar, d)[0];
    assertThat(solar.model(0).solar()).isFalse();
    assertThat(p).containsExactly(Synthetic.heldOutWeek(new Towt(), d)[0], within(1e-9));
  }

  @Test
  void aMissingTargetDayTakesTheTrainingMeanIrradiance() {
    double[] ghi = irradiance();
    MeterData d = data(solarHeat(ghi), ghi);
    Arrays.fill(ghi, Synthetic.TRAIN_END, Synthetic.STEPS, Double.NaN);
    TowtSolar solar = new TowtSolar();
    double[] p = Synthetic.heldOutWeek(solar, d)[0];
    assertThat(Arrays.stream(p)).allMatch(Double::isFinite);
    // CV(RMSE) in %: the day-to-day sun is unknown now (about 5 %), but its mean is not lost (taking
    // no sun at all would bias every hour by the mean gain, about 17 %).
    assertThat(Synthetic.cvrmseOfWeek(d, 0, p)).isLessThan(8);
  }
}
