package org.heatgrid.control.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.junit.jupiter.api.Test;

/** The learned extra floor: per hour after opening, apart from the rest of the day. */
class MissedComfortTest {

  private static final HolidayCalendar HOLIDAYS = HolidayCalendar.korea();
  private static final BuildingInfo OFFICE = new BuildingInfo("A", "A", "office", 1000, 2,
      new OccupancySchedule(DailyHours.parse("08:00-18:00"), DailyHours.CLOSED, DailyHours.CLOSED),
      ComfortBand.DEFAULT, 500, 80);
  private static final BuildingInfo DORM = new BuildingInfo("D", "D", "dormitory", 1000, 2,
      OccupancySchedule.ALWAYS, ComfortBand.DEFAULT, 500, 80);
  // Tuesday.
  private static final LocalDateTime DAY = LocalDateTime.of(2026, 1, 6, 0, 0);

  @Test
  void aMissInTheFirstHourRaisesOnlyThatHoursFloor() {
    MissedComfort m = new MissedComfort(1, 0.5, 0.99);
    m.observe(0, OFFICE, HOLIDAYS, DAY.withHour(8).withMinute(15), 19.6);

    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.plusDays(1).withHour(8).withMinute(30)))
        .isCloseTo(0.2, within(1e-12));
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(9).withMinute(30))).isZero();
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(15))).isZero();
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(7))).as("closed").isZero();
  }

  @Test
  void missesAfterTheStartupHoursRaiseTheRestOfTheDay() {
    MissedComfort m = new MissedComfort(1, 0.5, 0.99);
    m.observe(0, OFFICE, HOLIDAYS, DAY.withHour(14), 19.8);

    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(12))).isCloseTo(0.1, within(1e-12));
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(17).withMinute(45))).isCloseTo(0.1, within(1e-12));
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(8))).isZero();
  }

  @Test
  void theExtraFadesWhileComfortIsKeptAndIsCapped() {
    MissedComfort m = new MissedComfort(1, 0.5, 0.5);
    for (int i = 0; i < 10; i++) {
      m.observe(0, OFFICE, HOLIDAYS, DAY.withHour(14), 17);
    }
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(14))).isCloseTo(1.5, within(1e-12));

    m.observe(0, OFFICE, HOLIDAYS, DAY.withHour(14), 20.5);
    assertThat(m.extraK(0, OFFICE, HOLIDAYS, DAY.withHour(14))).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void aBuildingOpenAroundTheClockHasNoStartupHours() {
    MissedComfort m = new MissedComfort(1, 0.5, 0.99);
    m.observe(0, DORM, HOLIDAYS, DAY.withHour(0), 19.8);

    assertThat(m.extraK(0, DORM, HOLIDAYS, DAY.withHour(23))).isCloseTo(0.1, within(1e-12));
    assertThat(m.extraK(0, DORM, HOLIDAYS, DAY.withHour(0).withMinute(30))).isCloseTo(0.1, within(1e-12));
  }
}
