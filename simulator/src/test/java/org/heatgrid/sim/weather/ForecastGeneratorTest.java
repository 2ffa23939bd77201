package org.heatgrid.sim.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.heatgrid.weather.WeatherForecast;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ForecastGeneratorTest {

  private static final Duration STEP = Duration.ofMinutes(15);
  private static final Duration DAY = Duration.ofHours(24);
  private static final ZoneOffset KST = ZoneOffset.ofHours(9);
  private static final LocalDateTime SEASON_START = LocalDateTime.of(2023, 10, 15, 0, 0);

  private static EpwYear truth;

  @BeforeAll
  static void readWeather() {
    truth = EpwReader.readResource(EpwReader.DAEJEON);
  }

  @Test
  void noneIsTheTruth() {
    ForecastGenerator gen = new ForecastGenerator(truth, ForecastErrorLevel.NONE, 1, STEP, DAY);
    LocalDateTime issue = LocalDateTime.of(2024, 1, 20, 7, 45);
    WeatherForecast f = gen.forecast(issue, issue.toInstant(KST));
    assertThat(f.size()).isEqualTo(97).isEqualTo(gen.size());
    assertThat(f.issuedAt()).isEqualTo(issue.toInstant(KST));
    assertThat(f.step()).isEqualTo(STEP);
    for (int k = 0; k < f.size(); k++) {
      LocalDateTime t = issue.plus(STEP.multipliedBy(k));
      assertThat(f.outdoorC(k)).isEqualTo(truth.outdoorC(t));
      assertThat(f.ghiWm2(k)).isEqualTo(truth.ghiWm2(t));
    }
  }

  @Test
  void temperatureErrorGrowsWithLeadTimeAndLevel() {
    double[] medium = temperatureRmse(ForecastErrorLevel.MEDIUM, 0, 12, 96);
    assertThat(medium[0]).isZero();
    assertThat(medium[1]).isPositive();
    assertThat(medium[2]).isGreaterThan(medium[1]);
    double low = temperatureRmse(ForecastErrorLevel.LOW, 96)[0];
    double high = temperatureRmse(ForecastErrorLevel.HIGH, 96)[0];
    assertThat(low).isLessThan(medium[2]);
    assertThat(medium[2]).isLessThan(high);
    // Sizes expected from BOPTEST's parameters: about 1.0, 1.6 and 2.2 K at 24 h.
    assertThat(low).isBetween(0.8, 1.25);
    assertThat(medium[2]).isBetween(1.35, 1.9);
    assertThat(high).isBetween(1.9, 2.6);
  }

  @Test
  void sameSeedAndIssueTimeGiveTheSameForecastInAnyOrder() {
    LocalDateTime a = LocalDateTime.of(2024, 1, 5, 6, 0);
    LocalDateTime b = LocalDateTime.of(2024, 1, 5, 6, 15);
    ForecastGenerator first = generator(ForecastErrorLevel.HIGH, 42);
    ForecastGenerator second = generator(ForecastErrorLevel.HIGH, 42);
    WeatherForecast a1 = first.forecast(a, a.toInstant(KST));
    WeatherForecast b1 = first.forecast(b, b.toInstant(KST));
    WeatherForecast b2 = second.forecast(b, b.toInstant(KST));
    WeatherForecast a2 = second.forecast(a, a.toInstant(KST));
    assertThat(a2.outdoorC()).containsExactly(a1.outdoorC());
    assertThat(a2.ghiWm2()).containsExactly(a1.ghiWm2());
    assertThat(b2).isEqualTo(b1);
    assertThat(b1.outdoorC()).isNotEqualTo(a1.outdoorC());
    WeatherForecast other = generator(ForecastErrorLevel.HIGH, 43).forecast(a, a.toInstant(KST));
    assertThat(other.outdoorC()).isNotEqualTo(a1.outdoorC());
    assertThat(other.ghiWm2()).isNotEqualTo(a1.ghiWm2());
  }

  @Test
  void irradianceIsNeverNegativeAndZeroAtNight() {
    for (ForecastErrorLevel level : ForecastErrorLevel.values()) {
      ForecastGenerator gen = generator(level, 7);
      int daylight = 0;
      for (int i = 0; i < 300; i++) {
        LocalDateTime issue = SEASON_START.plusMinutes(i * 175L);
        WeatherForecast f = gen.forecast(issue, issue.toInstant(KST));
        for (int k = 0; k < f.size(); k++) {
          double trueGhi = truth.ghiWm2(issue.plus(STEP.multipliedBy(k)));
          assertThat(f.ghiWm2(k)).isGreaterThanOrEqualTo(0);
          if (trueGhi == 0) {
            assertThat(f.ghiWm2(k)).isZero();
          } else {
            daylight++;
          }
        }
      }
      assertThat(daylight).isGreaterThan(1000);
    }
  }

  @Test
  void checksArgumentsAndParsesLevels() {
    assertThatThrownBy(() -> new ForecastGenerator(
            truth, ForecastErrorLevel.LOW, 1, STEP, Duration.ofMinutes(100)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ForecastGenerator(truth, ForecastErrorLevel.LOW, 1, STEP, Duration.ZERO).size())
        .isEqualTo(1);
    assertThat(ForecastErrorLevel.parse("Medium")).isEqualTo(ForecastErrorLevel.MEDIUM);
    assertThat(ForecastErrorLevel.parse("NONE")).isEqualTo(ForecastErrorLevel.NONE);
    assertThatThrownBy(() -> ForecastErrorLevel.parse("extreme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none, low, medium, high");
  }

  private static ForecastGenerator generator(ForecastErrorLevel level, long seed) {
    return new ForecastGenerator(truth, level, seed, STEP, DAY);
  }

  /** RMSE of forecast minus truth at the given lead indices, over 2,000 issue times. */
  private static double[] temperatureRmse(ForecastErrorLevel level, int... leads) {
    ForecastGenerator gen = generator(level, 2024);
    double[] sum = new double[leads.length];
    int issues = 2000;
    for (int i = 0; i < issues; i++) {
      LocalDateTime issue = SEASON_START.plusMinutes(i * 130L);
      Instant at = issue.toInstant(KST);
      WeatherForecast f = gen.forecast(issue, at);
      for (int j = 0; j < leads.length; j++) {
        double e = f.outdoorC(leads[j]) - truth.outdoorC(issue.plus(STEP.multipliedBy(leads[j])));
        sum[j] += e * e;
      }
    }
    double[] rmse = new double[leads.length];
    for (int j = 0; j < leads.length; j++) {
      rmse[j] = Math.sqrt(sum[j] / issues);
    }
    return rmse;
  }
}
