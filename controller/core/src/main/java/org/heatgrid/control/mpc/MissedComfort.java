package org.heatgrid.control.mpc;

import java.time.LocalDateTime;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.DailyHours;

/**
 * Learns, per building, how much higher to plan than the model says: every occupied period in
 * which the coldest sensor ended below the comfort floor raises the building's extra floor by a
 * share of the miss, and the extra fades when comfort is kept. The first hours of occupancy are
 * learned apart, because that is where a first-order model errs most (ventilation starts, the
 * air falls to the structure's temperature when preheating ends).
 */
final class MissedComfort {

  /** Occupancy is "starting" for this long after the doors open. */
  static final int STARTUP_MINUTES = 120;
  private static final double MAX_EXTRA_K = 1.5;

  private final double gain;
  private final double fadePerPeriod;
  private final double[] startupK;
  private final double[] dayK;

  /**
   * @param buildings number of buildings
   * @param gain share of each miss (K) added to the extra floor
   * @param fadePerPeriod factor applied to the extra floor every occupied period without a miss
   */
  MissedComfort(int buildings, double gain, double fadePerPeriod) {
    this.gain = gain;
    this.fadePerPeriod = fadePerPeriod;
    this.startupK = new double[buildings];
    this.dayK = new double[buildings];
  }

  /** The period starting at {@code periodStart} ended with the coldest zone at {@code coldestC}. */
  void observe(int b, BuildingInfo info, HolidayCalendar holidays, LocalDateTime periodStart,
      double coldestC) {
    long since = minutesSinceOpening(info, holidays, periodStart);
    if (since < 0 || !Double.isFinite(coldestC)) {
      return;
    }
    double miss = Math.max(0, info.comfort().occupiedLowC() - coldestC);
    double[] extra = since < STARTUP_MINUTES ? startupK : dayK;
    extra[b] = miss > 0 ? Math.min(MAX_EXTRA_K, extra[b] + gain * miss) : extra[b] * fadePerPeriod;
  }

  /** Extra floor for building {@code b} at local time {@code t}, K (0 when not occupied). */
  double extraK(int b, BuildingInfo info, HolidayCalendar holidays, LocalDateTime t) {
    long since = minutesSinceOpening(info, holidays, t);
    if (since < 0) {
      return 0;
    }
    return since < STARTUP_MINUTES ? Math.max(startupK[b], dayK[b]) : dayK[b];
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

  double startupK(int b) {
    return startupK[b];
  }

  double dayK(int b) {
    return dayK[b];
  }
}
