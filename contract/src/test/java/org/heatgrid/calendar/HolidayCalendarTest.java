package org.heatgrid.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayCalendarTest {

  private final HolidayCalendar kr = HolidayCalendar.korea();

  @Test
  void knowsLunarAndSubstituteHolidays() {
    assertThat(kr.isHoliday(LocalDate.of(2026, 2, 17))).isTrue(); // Seollal
    assertThat(kr.isHoliday(LocalDate.of(2026, 3, 2))).isTrue(); // substitute for Mar 1 (Sunday)
    assertThat(kr.isHoliday(LocalDate.of(2025, 10, 8))).isTrue(); // Chuseok substitute
    assertThat(kr.isHoliday(LocalDate.of(2026, 1, 2))).isFalse();
    assertThat(kr.holidayName(LocalDate.of(2025, 12, 25))).isEqualTo("Christmas");
    assertThat(kr.isSundayOrHoliday(LocalDate.of(2026, 1, 4))).isTrue(); // a Sunday
  }

  @Test
  void refusesDatesOutsideItsCoverage() {
    assertThatThrownBy(() -> kr.isHoliday(LocalDate.of(2031, 1, 1)))
        .hasMessageContaining("covers 2023-2027");
  }

  @Test
  void readsAFileAndNamesTheBadLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("h.csv");
    Files.writeString(f, "coverage,2026,2026\ndate,name\n2026-05-01,Workers\n2026-13-01,Bad\n");
    assertThatThrownBy(() -> HolidayCalendar.read(f)).hasMessageContaining("h.csv line 4")
        .hasMessageContaining("2026-13-01");
    Files.writeString(f, "coverage,2026,2026\n2026-05-01,Workers\n");
    assertThat(HolidayCalendar.read(f).isHoliday(LocalDate.of(2026, 5, 1))).isTrue();
    Files.writeString(f, "2026-05-01,Workers\n");
    assertThatThrownBy(() -> HolidayCalendar.read(f)).hasMessageContaining("missing line coverage");
  }
}
