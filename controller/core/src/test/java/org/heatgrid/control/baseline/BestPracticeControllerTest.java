package org.heatgrid.control.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.fallback.HeatingCurve;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.heatgrid.weather.WeatherForecast;
import org.junit.jupiter.api.Test;

/** Room in, supply out, at the moments where optimum start, stop and room influence act. */
class BestPracticeControllerTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final OccupancySchedule OFFICE = new OccupancySchedule(
      DailyHours.parse("08:00-18:00"), DailyHours.CLOSED, DailyHours.CLOSED);
  private static final BuildingInfo B = new BuildingInfo("A", "A", "office", 1000, 2, OFFICE,
      ComfortBand.DEFAULT, 500, 80);
  private static final Site SITE = new Site("t", SEOUL, Duration.ofMinutes(15),
      new Tariff("t", 0, new UsageRate.Flat(100)), HolidayCalendar.korea(), List.of(B));
  private static final HeatingCurve CURVE = HeatingCurve.RADIATORS_70_50;
  private static final BaselineSettings BASE =
      new BaselineSettings(CURVE, 21, 17, 2, 15, 0, Map.of());
  private static final double OUT = 0;

  private static BestPracticeController started() {
    BestPracticeController c = new BestPracticeController(BASE, BestPracticeSettings.DEFAULTS);
    c.start(SITE);
    return c;
  }

  private static double decide(Controller c, LocalDateTime t, double room) {
    return decide(c, t, new double[] {room, room});
  }

  private static double decide(Controller c, LocalDateTime t, double[] zonesC) {
    Telemetry tel = new Telemetry("A", 0, 0, 0, 0, 0, 0, 0, zonesC, OUT, false);
    Observation o = new Observation(t.atZone(SEOUL).toInstant(), t, Duration.ofMinutes(15),
        Map.of("A", tel), new WeatherForecast(t.atZone(SEOUL).toInstant(), Duration.ofHours(1),
            new double[] {OUT}, new double[] {0}));
    return c.decide(o).command("A").supplySetpointC();
  }

  /** The curve's supply for a room target (no trim, no boost). */
  private static double curve(double roomTarget) {
    return CURVE.supplyC(roomTarget, OUT, 1);
  }

  // Tuesday 2026-01-06, opening 08:00.
  private static LocalDateTime tue(int h, int m) {
    return LocalDateTime.of(2026, 1, 6, h, m);
  }

  @Test
  void optimumStart_waitsUntilTheLearnedHeatUpTimeIsLeft() {
    BestPracticeController c = started();
    // Room 20, target 21: 1 K at the initial 1 K/h is 60 min, plus 15 min lead: start at 06:45.
    assertThat(decide(c, tue(6, 0), 20)).as("06:00, 2 h before opening: still setback")
        .isCloseTo(curve(17 - 3), within(1e-9));
    assertThat(decide(c, tue(6, 45), 20)).as("06:45: boost, room influence +1 K")
        .isCloseTo(curve(22) + 15, within(1e-9));
  }

  @Test
  void optimumStart_startsEarlierAfterAWeekend() {
    BestPracticeController c = started();
    // Monday 2026-01-05 04:15, room at 17 after the weekend: 4 K needs 255 min, start 03:45.
    LocalDateTime mon0415 = LocalDateTime.of(2026, 1, 5, 4, 15);
    assertThat(decide(c, mon0415, 17)).as("boosting from 03:45 on")
        .isCloseTo(curve(21 + 3) + 15, within(1e-9));
    // A heating-curve baseline would still be at setback at 04:15 (its boost is a fixed 2 h).
    HeatingCurveController baseline = new HeatingCurveController(BASE);
    baseline.start(SITE);
    assertThat(decide(baseline, mon0415, 17)).isCloseTo(curve(17), within(1e-9));
  }

  @Test
  void optimumStart_learnsAFasterBuildingAndStartsLaterNextMorning() {
    BestPracticeController c = started();
    // Monday: boost from 06:45 (room 20), and the room reaches 23 at 08:00, 3 K in 1.25 h.
    LocalDateTime mon = LocalDateTime.of(2026, 1, 5, 0, 0);
    double room = 20;
    for (LocalDateTime t = mon.withHour(6).withMinute(45); t.isBefore(mon.withHour(8));
        t = t.plusMinutes(15)) {
      decide(c, t, room);
      room += 3.0 / 5;
    }
    // Judged an hour after opening (08:45), not at opening, where the air still carries the boost.
    for (int m = 0; m < 45; m += 15) {
      decide(c, mon.withHour(8).withMinute(m), 25);
    }
    decide(c, mon.withHour(8).withMinute(45), 23);
    // Rate learned: 0.5 * 1 + 0.5 * 3 / 1.25 = 1.7 K/h. Tuesday, room 20: 1/1.7 h + 15 min = 50
    // min, so no boost at 07:00 (60 min left) and boost at 07:10 (50 min left).
    assertThat(decide(c, tue(7, 0), 20)).as("07:00: not yet")
        .isCloseTo(curve(17 - 3), within(1e-9));
    assertThat(decide(c, tue(7, 10), 20)).as("07:10: boost")
        .isCloseTo(curve(22) + 15, within(1e-9));
  }

  @Test
  void roomInfluence_lowersTheCurveOfAWarmRoomAndRaisesACold_one() {
    BestPracticeController c = started();
    assertThat(decide(c, tue(11, 0), 22.5)).as("1.5 K warm").isCloseTo(curve(19.5), within(1e-9));
    assertThat(decide(c, tue(11, 0), 19.5)).as("1.5 K cold").isCloseTo(curve(22.5), within(1e-9));
    assertThat(decide(c, tue(11, 0), 12)).as("limited to 3 K").isCloseTo(curve(24), within(1e-9));
  }

  @Test
  void optimumStop_dropsToSetbackBeforeClosingOnlyWhenTheRoomIsAtItsTarget() {
    BestPracticeController c = started();
    assertThat(decide(c, tue(17, 30), 21.2)).as("warm, 30 min before closing")
        .isCloseTo(curve(17 - 3), within(1e-9));
    assertThat(decide(c, tue(17, 30), 20.6)).as("cool: keeps the occupied curve")
        .isCloseTo(curve(21.4), within(1e-9));
    assertThat(decide(c, tue(17, 0), 21.2)).as("an hour before closing")
        .isCloseTo(curve(20.8), within(1e-9));
  }

  @Test
  void optimumStop_neverWhereOccupancyRunsOnPastMidnight() {
    OccupancySchedule always = new OccupancySchedule(DailyHours.ALL_DAY, DailyHours.ALL_DAY,
        DailyHours.ALL_DAY);
    BuildingInfo dorm = new BuildingInfo("A", "A", "dormitory", 1000, 2, always,
        ComfortBand.DEFAULT, 500, 80);
    BestPracticeController c = new BestPracticeController(BASE, BestPracticeSettings.DEFAULTS);
    c.start(new Site("t", SEOUL, Duration.ofMinutes(15), new Tariff("t", 0,
        new UsageRate.Flat(100)), HolidayCalendar.korea(), List.of(dorm)));
    assertThat(decide(c, tue(23, 45), 21.5)).as("23:45 in a dormitory: occupied curve")
        .isCloseTo(curve(20.5), within(1e-9));
  }

  @Test
  void theReferenceRoomIsTheColdestZone() {
    BestPracticeController c = started();
    assertThat(decide(c, tue(11, 0), new double[] {22, 20})).isCloseTo(curve(22), within(1e-9));
  }

  @Test
  void withoutAPlausibleRoomReading_drivesTheBaselineCurve() {
    BestPracticeController c = started();
    HeatingCurveController baseline = new HeatingCurveController(BASE);
    baseline.start(SITE);
    for (LocalDateTime t : List.of(tue(3, 0), tue(6, 30), tue(12, 0), tue(17, 45))) {
      assertThat(decide(c, t, Double.NaN)).as("NaN at %s", t)
          .isEqualTo(decide(baseline, t, Double.NaN));
      assertThat(decide(c, t, -40)).as("-40 C sensor at %s", t)
          .isEqualTo(decide(baseline, t, -40));
    }
  }

  @Test
  void settingsOutsideTheirRange_areRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new BestPracticeSettings(1, 3, 0.1, 15, 6, 30, 0, 40))
        .hasMessageContaining("initial heat-up rate");
    assertThatThrownBy(() -> new BestPracticeSettings(-1, 3, 1, 15, 6, 30, 0, 40))
        .hasMessageContaining("room gain");
    assertThatThrownBy(() -> new BestPracticeSettings(1, 3, 1, 15, 6, 30, 40, 0))
        .hasMessageContaining("plausible room range");
  }
}
