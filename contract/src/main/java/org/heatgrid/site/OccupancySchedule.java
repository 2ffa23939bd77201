package org.heatgrid.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.heatgrid.calendar.HolidayCalendar;

/**
 * When a building is occupied: hours for Monday-Friday, Saturday, and Sundays and public holidays.
 * Immutable.
 */
public record OccupancySchedule(DailyHours weekday, DailyHours saturday, DailyHours sundayHoliday) {

  public static final OccupancySchedule ALWAYS =
      new OccupancySchedule(DailyHours.ALL_DAY, DailyHours.ALL_DAY, DailyHours.ALL_DAY);

  public OccupancySchedule {
    Objects.requireNonNull(weekday, "weekday");
    Objects.requireNonNull(saturday, "saturday");
    Objects.requireNonNull(sundayHoliday, "sundayHoliday");
  }

  /** The hours that apply on {@code date}. */
  public DailyHours hoursOn(LocalDate date, HolidayCalendar holidays) {
    if (holidays.isSundayOrHoliday(date)) {
      return sundayHoliday;
    }
    return date.getDayOfWeek() == DayOfWeek.SATURDAY ? saturday : weekday;
  }

  public boolean isOccupied(LocalDateTime t, HolidayCalendar holidays) {
    return hoursOn(t.toLocalDate(), holidays).contains(t.getHour() * 60 + t.getMinute());
  }

  /**
   * Minutes from {@code t} until occupancy next begins, looking ahead at most {@code maxDays};
   * 0 when occupied now, and -1 when no occupancy starts within that window.
   */
  public long minutesUntilOccupied(LocalDateTime t, HolidayCalendar holidays, int maxDays) {
    int now = t.getHour() * 60 + t.getMinute();
    LocalDate day = t.toLocalDate();
    for (int d = 0; d <= maxDays; d++) {
      DailyHours h = hoursOn(day.plusDays(d), holidays);
      if (h.isClosed()) {
        continue;
      }
      if (d == 0) {
        if (h.contains(now)) {
          return 0;
        }
        if (now < h.startMinute()) {
          return h.startMinute() - now;
        }
      } else {
        return d * 1440L + h.startMinute() - now;
      }
    }
    return -1;
  }
}
