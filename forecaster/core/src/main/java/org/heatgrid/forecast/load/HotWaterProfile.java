package org.heatgrid.forecast.load;

import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.api.Observation;

/**
 * Uncontrolled load as a profile: per building, the mean of history by day type (working day,
 * Saturday, Sunday or holiday) and time of day. Hot water follows the timetable of the building's
 * users far more than the weather, so a profile is an honest forecaster for it.
 */
public final class HotWaterProfile implements LoadForecast {

  private final double[][][] meanKw; // [building][dayType][slot]
  private final int slotMinutes;
  private final HolidayCalendar holidays;

  private HotWaterProfile(double[][][] meanKw, int slotMinutes, HolidayCalendar holidays) {
    this.meanKw = meanKw;
    this.slotMinutes = slotMinutes;
    this.holidays = holidays;
  }

  /**
   * @param starts period starts of the history
   * @param loadKw per building and period, kW (NaN for missing)
   * @param slotMinutes resolution of the profile; divides a day
   */
  public static HotWaterProfile fit(List<LocalDateTime> starts, double[][] loadKw, int slotMinutes,
      HolidayCalendar holidays) {
    if (slotMinutes <= 0 || 1440 % slotMinutes != 0) {
      throw new IllegalArgumentException("profile slot must divide a day: " + slotMinutes + " min");
    }
    int slots = 1440 / slotMinutes;
    double[][][] sum = new double[loadKw.length][3][slots];
    int[][][] count = new int[loadKw.length][3][slots];
    for (int k = 0; k < starts.size(); k++) {
      int type = dayType(starts.get(k), holidays);
      int slot = slot(starts.get(k), slotMinutes);
      for (int b = 0; b < loadKw.length; b++) {
        double v = loadKw[b][k];
        if (Double.isFinite(v)) {
          sum[b][type][slot] += v;
          count[b][type][slot]++;
        }
      }
    }
    for (int b = 0; b < loadKw.length; b++) {
      for (int t = 0; t < 3; t++) {
        for (int s = 0; s < slots; s++) {
          sum[b][t][s] = count[b][t][s] == 0 ? 0 : sum[b][t][s] / count[b][t][s];
        }
      }
    }
    return new HotWaterProfile(sum, slotMinutes, holidays);
  }

  /**
   * A stored profile: per building, day type (working day, Saturday, Sunday or holiday) and slot,
   * the mean load, kW.
   *
   * @throws IllegalArgumentException when the shape or a value is wrong
   */
  public static HotWaterProfile of(double[][][] meanKw, int slotMinutes, HolidayCalendar holidays) {
    if (slotMinutes <= 0 || 1440 % slotMinutes != 0) {
      throw new IllegalArgumentException("profile slot must divide a day: " + slotMinutes + " min");
    }
    double[][][] copy = new double[meanKw.length][][];
    for (int b = 0; b < meanKw.length; b++) {
      if (meanKw[b].length != 3) {
        throw new IllegalArgumentException("profile of building " + b + " has " + meanKw[b].length
            + " day types, not 3");
      }
      copy[b] = new double[3][];
      for (int t = 0; t < 3; t++) {
        if (meanKw[b][t].length != 1440 / slotMinutes) {
          throw new IllegalArgumentException("profile of building " + b + ", day type " + t + " has "
              + meanKw[b][t].length + " slots, not " + 1440 / slotMinutes);
        }
        for (double v : meanKw[b][t]) {
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("profile of building " + b + ": load " + v
                + " kW is not finite and >= 0");
          }
        }
        copy[b][t] = meanKw[b][t].clone();
      }
    }
    return new HotWaterProfile(copy, slotMinutes, holidays);
  }

  /** Per building, day type and slot, the mean load, kW (a copy). */
  public double[][][] meanKw() {
    double[][][] copy = new double[meanKw.length][3][];
    for (int b = 0; b < meanKw.length; b++) {
      for (int t = 0; t < 3; t++) {
        copy[b][t] = meanKw[b][t].clone();
      }
    }
    return copy;
  }

  public int slotMinutes() {
    return slotMinutes;
  }

  /** Buildings covered, in site order. */
  public int buildings() {
    return meanKw.length;
  }

  @Override
  public double[] loadKw(int b, Observation o, int steps) {
    double[] out = new double[steps];
    for (int k = 0; k < steps; k++) {
      LocalDateTime t = o.localTime().plus(o.step().multipliedBy(k));
      out[k] = meanKw[b][dayType(t, holidays)][slot(t, slotMinutes)];
    }
    return out;
  }

  private static int dayType(LocalDateTime t, HolidayCalendar holidays) {
    if (holidays.isSundayOrHoliday(t.toLocalDate())) {
      return 2;
    }
    return t.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? 1 : 0;
  }

  private static int slot(LocalDateTime t, int slotMinutes) {
    return (t.getHour() * 60 + t.getMinute()) / slotMinutes;
  }
}
