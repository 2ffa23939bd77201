package org.heatgrid.forecast.baseline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.heatgrid.forecast.data.MeterData;

/**
 * Local-time position of grid steps. Schedules (occupancy, boiler timers) follow the local clock,
 * so the time of week is taken in the site's zone: with daylight saving, 08:00 stays 08:00.
 */
final class LocalSteps {

  private LocalSteps() {}

  /**
   * Time-of-week index {@code 0 .. 7*stepsPerDay-1}: Monday 00:00 local is 0; one index per grid
   * step of the week (168 for hourly data). A zone offset that is not a whole number of steps (e.g.
   * +05:30 on an hourly grid) floors to the step containing the local time.
   */
  static int timeOfWeek(MeterData grid, int k, ZoneRules zone) {
    long local = localSecond(grid.time(k), zone);
    long day = Math.floorDiv(local, 86_400L);
    int dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday
    int stepOfDay = (int) (Math.floorMod(local, 86_400L) / grid.step().toSeconds());
    return dayOfWeek * grid.stepsPerDay() + stepOfDay;
  }

  /** Local date of step {@code k} as an epoch day. */
  static long localDay(MeterData grid, int k, ZoneRules zone) {
    return Math.floorDiv(localSecond(grid.time(k), zone), 86_400L);
  }

  /**
   * For each step {@code k} in {@code [from, to)}, the first step of its local day: where a
   * day-ahead forecast covering {@code k} is issued (local midnight). May be below {@code from},
   * or negative when the data start mid-day.
   */
  static int[] dayStarts(MeterData grid, int from, int to, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    int[] out = new int[Math.max(0, to - from)];
    if (out.length == 0) {
      return out;
    }
    int start = from;
    long day = localDay(grid, from, rules);
    // A local day lasts at most 25 h; walk back to its first step.
    int limit = from - grid.stepsPerDay() * 2;
    while (start - 1 > limit && localDay(grid, start - 1, rules) == day) {
      start--;
    }
    for (int k = from; k < to; k++) {
      long d = localDay(grid, k, rules);
      if (d != day) {
        day = d;
        start = k;
      }
      out[k - from] = start;
    }
    return out;
  }

  private static long localSecond(Instant t, ZoneRules zone) {
    return t.getEpochSecond() + zone.getOffset(t).getTotalSeconds();
  }
}
