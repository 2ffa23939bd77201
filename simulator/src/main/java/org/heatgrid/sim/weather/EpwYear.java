package org.heatgrid.sim.weather;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One typical year of hourly weather (8,760 hours, no Feb 29), as read from an EPW file. Immutable.
 *
 * <p>A typical year has no real year: each month may come from a different calendar year. So any
 * {@link LocalDateTime} in the station's local standard time maps onto the file by month, day and
 * time of day only, through a fixed non-leap calendar; Feb 29 uses Feb 28. Hour {@code x} of the
 * year (0 = Jan 1 00:00) lies between rows {@code x - 1} and {@code x}, because row {@code r}
 * (0-based) is labelled "hour ending {@code r + 1}".
 *
 * <ul>
 *   <li>Dry-bulb temperature in row {@code r} is the value AT the end of its hour, so it is
 *       interpolated linearly between rows. Jan 1 00:00 is Dec 31 24:00 (the last row): the year
 *       wraps smoothly.
 *   <li>Irradiance in row {@code r} is the mean over the hour before its label, so it is piecewise
 *       constant: for t in [h-1:00, h:00) it is the row labelled h.
 * </ul>
 *
 * <p>The lookups allocate nothing and only read the fields of {@code t}: they are called about 1.5
 * million times per simulated season.
 */
public final class EpwYear implements WeatherTrace {

  /** Hours in the fixed non-leap year the file is mapped onto. */
  public static final int HOURS = 8760;

  /** Day of year (0-based) of the first day of each month, non-leap. */
  private static final int[] MONTH_START_DAY = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
  };

  private final String stationName;
  private final double latitude;
  private final double longitude;
  private final double timeZoneHours;
  private final double[] outdoorC;
  private final double[] ghiWm2;

  /**
   * @param stationName station name (LOCATION field 2)
   * @param latitude degrees north
   * @param longitude degrees east
   * @param timeZoneHours offset of local standard time from UTC, hours (LOCATION field 9)
   * @param outdoorC 8,760 hourly dry-bulb temperatures, C, row r = hour ending r + 1 (copied)
   * @param ghiWm2 8,760 hourly global horizontal irradiances, W/m2, same rows (copied)
   */
  public EpwYear(
      String stationName,
      double latitude,
      double longitude,
      double timeZoneHours,
      double[] outdoorC,
      double[] ghiWm2) {
    this.stationName = Objects.requireNonNull(stationName, "stationName");
    if (outdoorC.length != HOURS || ghiWm2.length != HOURS) {
      throw new IllegalArgumentException(
          "need " + HOURS + " hourly values, got " + outdoorC.length + " and " + ghiWm2.length);
    }
    this.latitude = latitude;
    this.longitude = longitude;
    this.timeZoneHours = timeZoneHours;
    this.outdoorC = outdoorC.clone();
    this.ghiWm2 = ghiWm2.clone();
  }

  public String stationName() {
    return stationName;
  }

  public double latitude() {
    return latitude;
  }

  public double longitude() {
    return longitude;
  }

  /** Offset of the station's local standard time from UTC, hours (e.g. 9.0 for Korea). */
  public double timeZoneHours() {
    return timeZoneHours;
  }

  /** The offset of local standard time, for converting simulation instants to file time. */
  public ZoneOffset zoneOffset() {
    return ZoneOffset.ofTotalSeconds((int) Math.round(timeZoneHours * 3600));
  }

  /** A copy of the 8,760 hourly dry-bulb temperatures, row r = hour ending r + 1 of the year. */
  public double[] hourlyOutdoorC() {
    return outdoorC.clone();
  }

  /** A copy of the 8,760 hourly irradiances, W/m2, row r = mean over hour r of the year. */
  public double[] hourlyGhiWm2() {
    return ghiWm2.clone();
  }

  @Override
  public double outdoorC(LocalDateTime t) {
    int i = hourIndex(t);
    double frac = (t.getMinute() * 60 + t.getSecond() + t.getNano() * 1e-9) / 3600.0;
    // The value at clock hour i is row i - 1; at hour 0 it is the last row (Dec 31 24:00).
    double before = outdoorC[i == 0 ? HOURS - 1 : i - 1];
    return before + frac * (outdoorC[i] - before);
  }

  @Override
  public double ghiWm2(LocalDateTime t) {
    return ghiWm2[hourIndex(t)];
  }

  /**
   * Whole hours since Jan 1 00:00 of the fixed non-leap year, 0..8759: the row whose hour contains
   * {@code t}. Integer arithmetic on the fields of {@code t}, so it never rounds up to 8760 and Feb
   * 29 of a leap year simply reuses Feb 28 (getDayOfYear() would shift the rest of the year).
   */
  private static int hourIndex(LocalDateTime t) {
    int month = t.getMonthValue();
    int day = t.getDayOfMonth();
    if (month == 2 && day == 29) {
      day = 28;
    }
    return (MONTH_START_DAY[month - 1] + day - 1) * 24 + t.getHour();
  }

  @Override
  public String toString() {
    return "EpwYear[" + stationName + ", " + latitude + " N, " + longitude + " E, UTC"
        + (timeZoneHours >= 0 ? "+" : "") + timeZoneHours + "]";
  }
}
