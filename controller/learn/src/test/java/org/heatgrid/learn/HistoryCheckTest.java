package org.heatgrid.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.heatgrid.site.Site;
import org.junit.jupiter.api.Test;

/**
 * Whether a record can be learnt from, and when not, a message that says what is missing and how
 * much more is needed: the operator acts on it without reading code.
 */
class HistoryCheckTest {

  private static final LearnSettings S = LearnSettings.DEFAULTS;

  private static HistoryCheck.Result check(SiteRecord r, Site site) {
    return HistoryCheck.check(r, r.history(site), S);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refusal(SyntheticSite s) {
    SiteRecord r = Learnt.read(s);
    return assertThatThrownBy(() -> check(r, SyntheticSite.site()))
        .isInstanceOf(RecordException.class);
  }

  @Test
  void aCleanFortnightIsAcceptedWithItsDays() {
    HistoryCheck.Result r = check(Learnt.read(new SyntheticSite().days(15)), SyntheticSite.site());

    assertThat(r).isEqualTo(new HistoryCheck.Result(SyntheticSite.START,
        SyntheticSite.START.plusDays(14), 15, 15));
  }

  @Test
  void aShortRecordSaysHowManyUsableDaysItHasAndHowManyMoreAreNeeded() {
    refusal(new SyntheticSite().days(10))
        .hasMessageContaining("the record (2025-11-03 .. 2025-11-12)")
        .hasMessageContaining("has 10 usable days of the 14 needed")
        .hasMessageContaining("record at least 4 more days")
        .hasMessageNotContaining("short of telemetry");
  }

  @Test
  void aGappyRecordNamesTheDaysLostToGaps() {
    // 16 days, but the service was down from day 6 (Nov 8) to noon of day 9 (Nov 11).
    int day = SyntheticSite.PER_DAY;
    refusal(new SyntheticSite().days(16).dropPeriods(5 * day, 8 * day + day / 2))
        .hasMessageContaining("has 12 usable days of the 14 needed")
        .hasMessageContaining("record at least 2 more days")
        .hasMessageContaining("days short of telemetry: 2025-11-08 (0 %), 2025-11-09 (0 %), "
            + "2025-11-10 (0 %), 2025-11-11 (50 %)");
  }

  @Test
  void aDayCountsOnlyWhenEveryBuildingReported() {
    // B03's gateway was silent for 3 h every day: 87.5 % of the periods, short of 90 %.
    SyntheticSite s = new SyntheticSite().days(15);
    SiteRecord r = new SiteRecord("test");
    SiteRecord full = Learnt.read(s);
    for (String id : full.buildings()) {
      full.readings(id).forEach((end, t) -> {
        int hour = end.atZone(SyntheticSite.ZONE).getHour();
        if (!(id.equals("B03") && hour >= 1 && hour < 4)) {
          r.put(end, t);
        }
      });
    }

    assertThatThrownBy(() -> check(r, SyntheticSite.site()))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("has 0 usable days")
        .hasMessageContaining("2025-11-03 (88 %)")
        .hasMessageContaining(" and 9 more");
  }

  @Test
  void aMissingSignalNamesTheBuildingAndTheSignal() {
    refusal(new SyntheticSite().days(2).omit("B02", "secondary_flow_m3h"))
        .hasMessage("building B02: heat into the heating circuit (secondary_supply_c, "
            + "secondary_return_c and secondary_flow_m3h) is missing in 100 % of its 192 "
            + "readings; learning needs it in at least 80 %");
  }

  @Test
  void missingOutdoorOrIndoorTemperatureIsNamedToo() {
    refusal(new SyntheticSite().days(2).omit("B03", "outdoor_c"))
        .hasMessageStartingWith("building B03: outdoor temperature (outdoor_c) is missing");
    SyntheticSite noIndoor = new SyntheticSite().days(2);
    for (String f : List.of("zone_1_c", "zone_2_c", "indoor_mean_c")) {
      noIndoor.omit("B01", f);
    }
    refusal(noIndoor).hasMessageStartingWith(
        "building B01: indoor temperature (zone_N_c or indoor_mean_c) is missing");
  }

  @Test
  void theRecordOfAnotherSiteIsRefusedNamingThatSite() {
    refusal(new SyntheticSite().days(2).siteTag("north"))
        .hasMessageContaining("has no telemetry of site 'synth', only of [north]")
        .hasMessageContaining("the wrong site file");
  }

  @Test
  void aRecordWithoutAnyTelemetryIsRefused() {
    assertThatThrownBy(() -> check(new SiteRecord("empty.lp"), SyntheticSite.site()))
        .isInstanceOf(RecordException.class)
        .hasMessage("empty.lp has no telemetry of site 'synth'");
  }

  @Test
  void aBuildingTheSiteDoesNotListIsRefusedByName() {
    refusal(new SyntheticSite().days(2).extraBuilding("B99"))
        .hasMessageContaining("has telemetry of buildings [B99] that site 'synth' does not list");
  }

  @Test
  void aSiteBuildingWithoutTelemetryIsRefusedByName() {
    Site withB04 = SyntheticSite.site(SyntheticSite.NAME, List.of("B01", "B02", "B03", "B04"));
    SiteRecord r = Learnt.read(new SyntheticSite().days(2));

    assertThatThrownBy(() -> check(r, withB04))
        .isInstanceOf(RecordException.class)
        .hasMessageStartingWith("building B04 has no telemetry in ")
        .hasMessageContaining("every building of site 'synth' needs its own record");
  }
}
