package org.heatgrid.learn.mv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.junit.jupiter.api.Test;

/**
 * M&V on meters whose truth is known: two buildings whose heat follows outdoor temperature and
 * time of week, a baseline of four weeks, a reporting period of two weeks run 10 % leaner.
 */
class AvoidedEnergyTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final Instant START = Instant.parse("2025-11-02T15:00:00Z"); // Monday 00:00 KST
  private static final Tariff TARIFF = new Tariff("flat", 361.98, new UsageRate.Flat(109.41));

  /** Hourly heat of {@code hours} from {@code start}: degree-hours plus a weekday morning boost. */
  private static MeterData meters(Instant start, int hours, double factor, long seed, double noise) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] heat = new double[2][hours];
    double[][] outdoor = new double[2][hours];
    double[][] ghi = new double[2][hours];
    for (int h = 0; h < hours; h++) {
      Instant t = start.plus(Duration.ofHours(h));
      int local = t.atZone(SEOUL).getHour();
      boolean weekday = t.atZone(SEOUL).getDayOfWeek().getValue() <= 5;
      double to = 2 + 6 * Math.sin(2 * Math.PI * (h % 24) / 24.0) + 4 * Math.sin(h / 97.0);
      for (int b = 0; b < 2; b++) {
        double ua = b == 0 ? 20 : 8;
        double q = ua * (18 - to) + (weekday && local >= 6 && local < 9 ? 60 : 0);
        heat[b][h] = factor * q * (1 + noise * r.nextGaussian());
        outdoor[b][h] = to;
      }
    }
    return new MeterData(start, Duration.ofHours(1), List.of("B01", "B02"), heat, outdoor, ghi);
  }

  @Test
  void aLeanerOperationSavesItsShare_withinItsBand() {
    MeterData baseline = meters(START, 28 * 24, 1.0, 1, 0.05);
    MeterData reporting = meters(START.plus(Duration.ofDays(28)), 14 * 24, 0.9, 2, 0.05);

    AvoidedEnergy a = AvoidedEnergy.estimate(baseline, reporting, SEOUL, TARIFF);

    assertThat(a.savedPercent()).isCloseTo(10, within(1.0));
    assertThat(a.uncertaintyMwh()).isPositive().isLessThan(0.5 * a.savedMwh());
    assertThat(Math.abs(a.savedMwh() - 0.1 * a.predictedMwh())).isLessThan(a.uncertaintyMwh());
    assertThat(a.savedUsageKrw()).isPositive();
    assertThat(a.byDay(SEOUL)).hasSize(14);
    double daily = a.byDay(SEOUL).values().stream().mapToDouble(v -> v[0] - v[1]).sum();
    assertThat(daily).isCloseTo(a.savedMwh(), within(1e-9));
  }

  @Test
  void theSameOperationSavesNothing_withinTheBand() {
    MeterData baseline = meters(START, 28 * 24, 1.0, 1, 0.05);
    MeterData reporting = meters(START.plus(Duration.ofDays(28)), 14 * 24, 1.0, 3, 0.05);

    AvoidedEnergy a = AvoidedEnergy.estimate(baseline, reporting, SEOUL, TARIFF);

    assertThat(Math.abs(a.savedMwh())).isLessThan(a.uncertaintyMwh());
  }

  @Test
  void aMissingReadingIsLeftOutOnBothSides() {
    MeterData baseline = meters(START, 28 * 24, 1.0, 1, 0);
    MeterData reporting = meters(START.plus(Duration.ofDays(28)), 48, 1.0, 2, 0);
    double[][] heat = reporting.heatKw();
    heat[1][5] = Double.NaN;
    MeterData gappy = new MeterData(reporting.start(), reporting.step(), reporting.buildings(),
        heat, reporting.outdoorC(), reporting.ghiWm2());

    AvoidedEnergy a = AvoidedEnergy.estimate(baseline, gappy, SEOUL, TARIFF);

    assertThat(a.meteredKw()[5]).isCloseTo(reporting.heatKw()[0][5], within(1e-9));
    assertThat(Math.abs(a.savedPercent())).isLessThan(1);
  }

  @Test
  void overlappingPeriodsOrOtherBuildingsAreRefused() {
    MeterData baseline = meters(START, 28 * 24, 1.0, 1, 0);
    assertThatThrownBy(() -> AvoidedEnergy.estimate(baseline, meters(START, 24, 1, 2, 0), SEOUL,
        TARIFF)).hasMessageContaining("not after the baseline's end");
    assertThatThrownBy(() -> AvoidedEnergy.estimate(meters(START, 48, 1, 1, 0),
        meters(START.plus(Duration.ofDays(28)), 24, 1, 2, 0), SEOUL, TARIFF))
        .hasMessageContaining("at least a week");
  }
}
