package org.heatgrid.forecast.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.junit.jupiter.api.Test;

class LevelCorrectionTest {

  private static final int DAY = 24;

  private static ForecastInput flat(double kw, int issue) {
    int n = 40 * DAY;
    double[] h = new double[n];
    Arrays.fill(h, kw);
    double[] t = new double[n];
    return new ForecastInput(new MeterData(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofHours(1),
        List.of("A"), new double[][] {h}, new double[][] {t}, new double[][] {t.clone()}), issue, DAY, ZoneOffset.UTC);
  }

  private static double[][] pastForecasts(int n, double kw) {
    double[][] p = new double[n][DAY];
    for (double[] day : p) {
      Arrays.fill(day, kw);
    }
    return p;
  }

  @Test
  void usesTheSameHourOfTheLastDaysThatHaveAWeekOfHistory() {
    LevelCorrection c = new LevelCorrection(14, DAY);
    assertThat(c.issues(30 * DAY)).hasSize(15).startsWith(30 * DAY, 29 * DAY).endsWith(16 * DAY);
    assertThat(c.issues(10 * DAY)).containsExactly(10 * DAY, 9 * DAY, 8 * DAY, 7 * DAY);
    assertThat(new LevelCorrection(0, DAY).issues(30 * DAY)).containsExactly(30 * DAY);
  }

  @Test
  void scalesByThreeQuartersOfTheRecentRatioWithinBounds() {
    LevelCorrection c = new LevelCorrection(14, DAY);
    int issue = 30 * DAY;
    int[] issues = c.issues(issue);
    // Metered 100 kW, forecast 80 kW: ratio 1.25, factor 1 + 0.75 * 0.25.
    assertThat(c.factor(flat(100, issue), 0, issues, pastForecasts(14, 80))).isCloseTo(1.1875, within(1e-12));
    assertThat(c.factor(flat(100, issue), 0, issues, pastForecasts(14, 20))).isEqualTo(LevelCorrection.MAX);
    assertThat(c.factor(flat(100, issue), 0, issues, pastForecasts(14, 500))).isEqualTo(LevelCorrection.MIN);
    assertThat(c.factor(flat(100, issue), 0, issues, pastForecasts(14, 100))).isEqualTo(1.0);
  }

  @Test
  void withoutHistoryOrForecastTheFactorIsOne() {
    LevelCorrection c = new LevelCorrection(14, DAY);
    assertThat(c.factor(flat(100, 3 * DAY), 0, c.issues(3 * DAY), new double[0][])).isEqualTo(1.0);
    int issue = 30 * DAY;
    assertThat(c.factor(flat(100, issue), 0, c.issues(issue), pastForecasts(14, 0))).isEqualTo(1.0);
  }
}
