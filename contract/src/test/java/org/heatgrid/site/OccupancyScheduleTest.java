package org.heatgrid.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.heatgrid.calendar.HolidayCalendar;
import org.junit.jupiter.api.Test;

class OccupancyScheduleTest {

  private final OccupancySchedule lab = new OccupancySchedule(DailyHours.parse("08:00-22:00"),
      DailyHours.parse("09:00-18:00"), DailyHours.CLOSED);
  private final HolidayCalendar kr = HolidayCalendar.korea();

  @Test
  void weekdaySaturdayAndHolidayHours() {
    assertThat(lab.isOccupied(LocalDateTime.of(2026, 1, 6, 7, 59), kr)).isFalse();
    assertThat(lab.isOccupied(LocalDateTime.of(2026, 1, 6, 8, 0), kr)).isTrue();
    assertThat(lab.isOccupied(LocalDateTime.of(2026, 1, 6, 22, 0), kr)).isFalse();
    assertThat(lab.isOccupied(LocalDateTime.of(2026, 1, 10, 10, 0), kr)).as("Saturday").isTrue();
    assertThat(lab.isOccupied(LocalDateTime.of(2026, 2, 17, 10, 0), kr)).as("Seollal").isFalse();
  }

  @Test
  void minutesUntilOccupiedLooksAcrossClosedDays() {
    // Saturday 18:00 -> Monday 08:00 (Sunday closed) = 38 h.
    assertThat(lab.minutesUntilOccupied(LocalDateTime.of(2026, 1, 10, 18, 0), kr, 7)).isEqualTo(38 * 60);
    assertThat(lab.minutesUntilOccupied(LocalDateTime.of(2026, 1, 6, 7, 0), kr, 7)).isEqualTo(60);
    assertThat(lab.minutesUntilOccupied(LocalDateTime.of(2026, 1, 6, 9, 0), kr, 7)).isZero();
    OccupancySchedule never = new OccupancySchedule(DailyHours.CLOSED, DailyHours.CLOSED, DailyHours.CLOSED);
    assertThat(never.minutesUntilOccupied(LocalDateTime.of(2026, 1, 6, 9, 0), kr, 7)).isEqualTo(-1);
  }

  @Test
  void hoursParseAndRefuseBadText() {
    assertThat(DailyHours.parse("00:00-24:00")).isEqualTo(DailyHours.ALL_DAY);
    assertThat(DailyHours.parse("closed").isClosed()).isTrue();
    assertThatThrownBy(() -> DailyHours.parse("18:00-08:00")).hasMessageContaining("start must be before end");
    assertThatThrownBy(() -> DailyHours.parse("8-18")).hasMessageContaining("bad time \"8\"");
    assertThatThrownBy(() -> DailyHours.parse("08:00-24:30")).hasMessageContaining("bad time");
  }
}
