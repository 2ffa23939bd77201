package org.heatgrid.control.mpc;

import java.time.LocalDateTime;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.DailyHours;

/**
 * Learns, per building, how much higher to plan than the model says: every occupied period in
 * which the coldest sensor ended below the comfort floor raises the building's extra floor by a
 * share of the miss, and the extra fades when comfort is kept.
 *
 * <p>Each of the first {@link #STARTUP_SLOTS} hours of occupancy is learned apart from the rest of
 * the day: that is where a first-order model errs most (ventilation starts, the air falls to the
 * structure's temperature when preheating ends), and a miss at 9:00 must not raise the floor of
 * the whole afternoon, which the model holds well (see
 * docs/decisions/0008-comfort-learned-per-hour-after-opening.md).
 */
final class MissedComfort {

  /** Hours after opening that are learned one by one. */
  static final int STARTUP_SLOTS = 4;
  private static final double MAX_EXTRA_K = 1.5;
  // An hour slot is seen 4 times a day (15-minute periods): half-life of about two weeks.
  private static final double HOUR_SLOT_FADE = Math.pow(0.5, 1 / 56.0);

  private final double gain;
  private final double dayFade;
  /** [building][slot]: slots 0..STARTUP_SLOTS-1 are the hours after opening, the last the rest. */
  private final double[][] extra;

  /**
   * @param buildings number of buildings
   * @param gain share of each miss (K) added to the extra floor
   * @param dayFadePerPeriod factor applied to the rest-of-day extra floor every occupied period
   *     without a miss there
   */
  MissedComfort(int buildings, double gain, double dayFadePerPeriod) {
    this.gain = gain;
    this.dayFade = dayFadePerPeriod;
    this.extra = new double[buildings][STARTUP_SLOTS + 1];
  }

  /** The period starting at {@code periodStart} ended with the coldest zone at {@code coldestC}. */
  void observe(int b, BuildingInfo info, HolidayCalendar holidays, LocalDateTime periodStart,
      double coldestC) {
    long since = minutesSinceOpening(info, holidays, periodStart);
    if (since < 0 || !Double.isFinite(coldestC)) {
      return;
    }
    int slot = slot(since);
    double miss = Math.max(0, info.comfort().occupiedLowC() - coldestC);
    double fade = slot < STARTUP_SLOTS ? HOUR_SLOT_FADE : dayFade;
    double[] e = extra[b];
    e[slot] = miss > 0 ? Math.min(MAX_EXTRA_K, e[slot] + gain * miss) : e[slot] * fade;
  }

  /** Extra floor for building {@code b} at local time {@code t}, K (0 when not occupied). */
  double extraK(int b, BuildingInfo info, HolidayCalendar holidays, LocalDateTime t) {
    long since = minutesSinceOpening(info, holidays, t);
    return since < 0 ? 0 : extra[b][slot(since)];
  }

  private static int slot(long minutesSinceOpening) {
    return (int) Math.min(STARTUP_SLOTS, minutesSinceOpening / 60);
  }

  /** Minutes since today's occupancy began, or -1 when not occupied at {@code t}. */
  static long minutesSinceOpening(BuildingInfo info, HolidayCalendar holidays, LocalDateTime t) {
    DailyHours h = info.schedule().hoursOn(t.toLocalDate(), holidays);
    int minute = t.getHour() * 60 + t.getMinute();
    if (!h.contains(minute)) {
      return -1;
    }
    // Open around the clock: occupancy did not start today.
    return h.startMinute() == 0 && h.endMinute() == 1440 ? Long.MAX_VALUE : minute - h.startMinute();
  }
}
