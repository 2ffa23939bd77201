package org.heatgrid.forecast.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;
import org.junit.jupiter.api.Test;

class OutagesTest {

  private static MeterData series(double[] heat, double tempC) {
    double[] t = new double[heat.length];
    Arrays.fill(t, tempC);
    return new MeterData(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofHours(1), List.of("A"),
        new double[][] {heat}, new double[][] {t}, new double[][] {t.clone()});
  }

  @Test
  void aDayOfZerosInTheColdIsMaskedButShortOrWarmRunsAreNot() {
    double[] h = new double[100];
    Arrays.fill(h, 5);
    Arrays.fill(h, 10, 40, 0); // 30 h of zeros
    Arrays.fill(h, 60, 70, 0); // 10 h of zeros
    long[] masked = {0};
    double[] cold = Outages.mask(series(h, 0), 100, masked).heatKw()[0];
    assertThat(masked[0]).isEqualTo(30);
    assertThat(cold[10]).isNaN();
    assertThat(cold[39]).isNaN();
    assertThat(cold[60]).isZero();
    long[] none = {0};
    double[] warm = Outages.mask(series(h, 20), 100, none).heatKw()[0];
    assertThat(none[0]).isZero();
    assertThat(warm[10]).isZero();
  }

  @Test
  void nothingAfterTheTrainingEndIsTouched() {
    double[] h = new double[100];
    long[] masked = {0};
    double[] out = Outages.mask(series(h, 0), 50, masked).heatKw()[0];
    assertThat(out[49]).isNaN();
    assertThat(out[50]).isZero();
  }
}
