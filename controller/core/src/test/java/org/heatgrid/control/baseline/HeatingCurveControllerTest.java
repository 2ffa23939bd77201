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
import org.heatgrid.control.api.Decision;
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

/** Table-style: local time and outdoor temperature in, expected supply setpoint out. */
class HeatingCurveControllerTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final OccupancySchedule OFFICE = new OccupancySchedule(
      DailyHours.parse("08:00-18:00"), DailyHours.CLOSED, DailyHours.CLOSED);
  private static final BuildingInfo B = new BuildingInfo("A", "A", "office", 1000, 2, OFFICE,
      ComfortBand.DEFAULT, 500, 80);
  private static final Site SITE = new Site("t", SEOUL, Duration.ofMinutes(15),
      new Tariff("t", 0, new UsageRate.Flat(100)), HolidayCalendar.korea(), List.of(B));
  private static final HeatingCurve CURVE = HeatingCurve.RADIATORS_70_50;

  private static BaselineSettings settings(double damping) {
    return new BaselineSettings(CURVE, 21, 17, 2, 15, damping, Map.of("A", new CurveTrim(-1, 0.9)));
  }

  private static double decide(HeatingCurveController c, LocalDateTime t, double outdoor) {
    Telemetry tel = new Telemetry("A", 0, 0, 0, 0, 0, 0, 0, new double[] {20, 20}, outdoor, false);
    Observation o = new Observation(t.atZone(SEOUL).toInstant(), t, Duration.ofMinutes(15),
        Map.of("A", tel), new WeatherForecast(t.atZone(SEOUL).toInstant(), Duration.ofHours(1),
            new double[] {outdoor}, new double[] {0}));
    Decision d = c.decide(o);
    return d.command("A").supplySetpointC();
  }

  @Test
  void followsScheduleSetbackAndBoost() {
    HeatingCurveController c = new HeatingCurveController(settings(0));
    c.start(SITE);
    // Tuesday 2026-01-06.
    assertThat(decide(c, LocalDateTime.of(2026, 1, 6, 3, 0), 0)).as("night setback")
        .isCloseTo(CURVE.supplyC(16, 0, 0.9), within(1e-9));
    assertThat(decide(c, LocalDateTime.of(2026, 1, 6, 6, 0), 0)).as("boost, 2 h before 08:00")
        .isCloseTo(CURVE.supplyC(20, 0, 0.9) + 15, within(1e-9));
    assertThat(decide(c, LocalDateTime.of(2026, 1, 6, 5, 45), 0)).as("before the boost")
        .isCloseTo(CURVE.supplyC(16, 0, 0.9), within(1e-9));
    assertThat(decide(c, LocalDateTime.of(2026, 1, 6, 12, 0), 0)).as("occupied")
        .isCloseTo(CURVE.supplyC(20, 0, 0.9), within(1e-9));
    assertThat(decide(c, LocalDateTime.of(2026, 1, 1, 12, 0), 0)).as("New Year's Day is closed")
        .isCloseTo(CURVE.supplyC(16, 0, 0.9), within(1e-9));
    assertThat(decide(c, LocalDateTime.of(2026, 1, 6, 12, 0), -40)).as("capped at supply max")
        .isEqualTo(80);
  }

  @Test
  void outdoorTemperatureIsDamped() {
    HeatingCurveController c = new HeatingCurveController(settings(3));
    c.start(SITE);
    LocalDateTime noon = LocalDateTime.of(2026, 1, 6, 12, 0);
    decide(c, noon, 0);
    double after = decide(c, noon.plusMinutes(15), 10);
    double alpha = 1 - Math.exp(-0.25 / 3);
    assertThat(after).isCloseTo(CURVE.supplyC(20, 10 * alpha, 0.9), within(1e-9));
  }

  @Test
  void refusesToDecideBeforeStart() {
    assertThatThrownBy(() -> decide(new HeatingCurveController(settings(0)), LocalDateTime.of(2026, 1, 6, 3, 0), 0))
        .isInstanceOf(IllegalStateException.class);
  }
}
