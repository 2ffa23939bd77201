package org.heatgrid.forecast.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  // errors a - p: -2, 2, -3; squares 4 + 4 + 9 = 17; mean(a) = 20
  private static final double[] ACTUAL = {10, 20, 30};
  private static final double[] PREDICTED = {12, 18, 33};

  @Test
  void handComputedCase() {
    double rmse = Math.sqrt(17.0 / 3); // 2.3805
    assertThat(Metrics.rmse(ACTUAL, PREDICTED)).isCloseTo(rmse, within(1e-12));
    assertThat(Metrics.cvrmse(ACTUAL, PREDICTED)).isCloseTo(100 * rmse / 20, within(1e-12)); // 11.90 %
    assertThat(Metrics.cvrmse(ACTUAL, PREDICTED)).isCloseTo(11.9024, within(1e-4));
    assertThat(Metrics.nmbe(ACTUAL, PREDICTED)).isCloseTo(100 * -3.0 / (3 * 20), within(1e-12)); // -5 %
    assertThat(Metrics.mae(ACTUAL, PREDICTED)).isCloseTo(7.0 / 3, within(1e-12));
    ErrorSummary s = Metrics.summary(ACTUAL, PREDICTED);
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.nmbe()).isCloseTo(-5, within(1e-12));
  }

  @Test
  void nanActualsAreNotScored() {
    double[] actual = {10, Double.NaN, 20, 30, Double.NaN};
    double[] predicted = {12, 1000, 18, 33, Double.NaN};
    ErrorSummary s = Metrics.summary(actual, predicted);
    assertThat(s).isEqualTo(Metrics.summary(ACTUAL, PREDICTED));
    assertThat(s.n()).isEqualTo(3);
  }

  @Test
  void perfectForecastIsZero() {
    ErrorSummary s = Metrics.summary(ACTUAL, ACTUAL.clone());
    assertThat(s.cvrmse()).isZero();
    assertThat(s.nmbe()).isZero();
    assertThat(s.mae()).isZero();
  }

  @Test
  void undefinedPercentagesAreNaN() {
    assertThat(Metrics.summary(new double[] {Double.NaN}, new double[] {1}).n()).isZero();
    assertThat(Metrics.cvrmse(new double[] {Double.NaN}, new double[] {1})).isNaN();
    ErrorSummary zeros = Metrics.summary(new double[] {0, 0}, new double[] {1, 1});
    assertThat(zeros.cvrmse()).isNaN();
    assertThat(zeros.mae()).isEqualTo(1);
  }

  @Test
  void refusesNonFinitePredictionAndLengthMismatch() {
    assertThatThrownBy(() -> Metrics.cvrmse(new double[] {1, 2}, new double[] {1, Double.NaN}))
        .hasMessageContaining("index 1");
    assertThatThrownBy(() -> Metrics.mae(new double[] {1, 2}, new double[] {1}))
        .hasMessageContaining("length");
  }

  @Test
  void meanOverBuildingsWeighsEachBuildingOnce() {
    ErrorSummary a = new ErrorSummary(10, 2, 1, 100);
    ErrorSummary b = new ErrorSummary(30, -4, 3, 10);
    ErrorSummary none = new ErrorSummary(Double.NaN, Double.NaN, Double.NaN, 0);
    ErrorSummary m = ErrorSummary.meanOf(List.of(a, b, none));
    assertThat(m).isEqualTo(new ErrorSummary(20, -1, 2, 110));
    assertThat(ErrorSummary.meanOf(List.of(none)).n()).isZero();
  }
}
