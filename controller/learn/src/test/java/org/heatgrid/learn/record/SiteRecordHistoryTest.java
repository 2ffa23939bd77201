package org.heatgrid.learn.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.learn.SyntheticSite;
import org.heatgrid.site.Site;
import org.junit.jupiter.api.Test;

/**
 * How a record becomes a history at the site's step: a reading belongs to the period it ends, the
 * irradiance to the period it was issued in, and what is missing stays missing.
 */
class SiteRecordHistoryTest {

  /** The synthetic site's control step. */
  private static final java.time.Duration STEP15 = java.time.Duration.ofMinutes(15);

  private static final Site SITE = SyntheticSite.site(SyntheticSite.NAME, List.of("B01", "B02"));
  private static final Duration STEP = SyntheticSite.STEP;
  private static final Instant T0 = SyntheticSite.periodStart(0); // local midnight

  private static Telemetry reading(String id, double indoor) {
    return new Telemetry(id, 100, 75, 40, 2, 50, 40, 7, new double[] {indoor}, -2, false);
  }

  private static Instant end(int k) {
    return T0.plus(STEP.multipliedBy(k + 1));
  }

  @Test
  void aReadingBelongsToThePeriodItEndsAndAMissingOneIsNull() {
    SiteRecord r = new SiteRecord("test");
    r.put(end(0), reading("B01", 20.0));
    r.put(end(0), reading("B02", 19.0));
    // B01's next reading arrives 4 minutes early (off the grid): still period 1's.
    r.put(end(1).minusSeconds(240), reading("B01", 20.1));
    r.put(end(3), reading("B01", 20.3));

    SiteHistory h = r.history(SITE);

    assertThat(h.size()).isEqualTo(4);
    assertThat(h.periodStarts().get(0)).isEqualTo(LocalDateTime.of(SyntheticSite.START,
        java.time.LocalTime.MIDNIGHT));
    assertThat(h.telemetry(0, 0).meanIndoorC()).isEqualTo(20.0);
    assertThat(h.telemetry(0, 1).meanIndoorC()).isEqualTo(19.0);
    assertThat(h.telemetry(1, 0).meanIndoorC()).isEqualTo(20.1);
    assertThat(h.telemetry(1, 1)).isNull();
    assertThat(h.telemetry(2, 0)).isNull();
    assertThat(h.telemetry(3, 0).meanIndoorC()).isEqualTo(20.3);
  }

  @Test
  void aLaterReadingOfTheSamePeriodWins() {
    SiteRecord r = new SiteRecord("test");
    r.put(end(0), reading("B01", 20.0));
    r.put(end(0), reading("B01", 22.0));

    assertThat(r.readingCount()).isEqualTo(1);
    assertThat(r.history(SITE).telemetry(0, 0).meanIndoorC()).isEqualTo(22.0);
  }

  @Test
  void irradianceIssuedWithinAPeriodIsThatPeriodsAndAPeriodWithoutOneIsUnknown() {
    SiteRecord r = new SiteRecord("test");
    for (int k = 0; k < 3; k++) {
      r.put(end(k), reading("B01", 20));
    }
    r.ghi(T0.plusSeconds(170), 110); // period 0, issued 170 s after its start
    r.ghi(end(0), 220); // period 1, issued exactly at its start
    // none for period 2

    double[] ghi = r.history(SITE).history(0).ghiWm2();

    assertThat(ghi).containsExactly(110, 220, Double.NaN);
  }

  @Test
  void withoutAnyIrradianceTheSunReadsZeroAndNonFiniteValuesAreIgnored() {
    // A site without a weather service: solar gains cannot be learnt, but the rest can.
    SiteRecord r = new SiteRecord("test");
    r.put(end(0), reading("B01", 20));
    r.put(end(1), reading("B01", 20));
    r.ghi(T0, Double.NaN);

    assertThat(r.hasIrradiance()).isFalse();
    assertThat(r.history(SITE).history(0).ghiWm2()).containsExactly(0, 0);
  }

  @Test
  void csvIrradianceIsKeptByPeriodEnd() {
    SiteRecord r = new SiteRecord("test");
    r.put(end(0), reading("B01", 20));
    r.put(end(1), reading("B01", 20));
    r.ghiAtEnd(end(1), 300);

    assertThat(r.history(SITE).history(0).ghiWm2()).containsExactly(Double.NaN, 300);
  }

  @Test
  void anEmptyRecordHasAnEmptyHistory() {
    SiteRecord r = new SiteRecord("test");

    assertThat(r.first(STEP)).isNull();
    assertThat(r.last()).isNull();
    assertThat(r.history(SITE).size()).isZero();
    assertThat(r.readings("B01")).isEmpty();
  }

  @Test
  void rejectionsAreCountedAllButKeptOnlyForTheFirstTwenty() {
    SiteRecord r = new SiteRecord("test");
    for (int i = 1; i <= 25; i++) {
      r.reject("f line " + i, "bad");
    }

    assertThat(r.rejected()).isEqualTo(25);
    assertThat(r.rejections()).hasSize(20).startsWith("f line 1: bad").endsWith("f line 20: bad");
  }

  @Test
  void theHashChangesWithAnyValueAndNotWithTheOrderOfReading() {
    SiteRecord a = new SiteRecord("a");
    a.put(end(0), reading("B01", 20));
    a.put(end(0), reading("B02", 19));
    SiteRecord b = new SiteRecord("b");
    b.put(end(0), reading("B02", 19));
    b.put(end(0), reading("B01", 20));
    SiteRecord c = new SiteRecord("c");
    c.put(end(0), reading("B01", 20));
    c.put(end(0), reading("B02", 19.01));

    assertThat(a.sha256(STEP15)).hasSize(64).isEqualTo(b.sha256(STEP15)).isNotEqualTo(c.sha256(STEP15));
  }
}
