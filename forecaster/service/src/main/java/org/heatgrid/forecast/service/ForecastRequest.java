package org.heatgrid.forecast.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.heatgrid.forecast.data.MeterData;

/**
 * A forecast request with its parameters checked against the served model and data. Every check
 * names the parameter it refuses, so the 400 answer tells the client which one to fix.
 *
 * @param from issue time: start of the first forecast step
 * @param issue its step index in the data
 * @param steps steps to forecast
 * @param building index in the served data, or -1 for every building
 */
record ForecastRequest(Instant from, int issue, int steps, int building) {

  static final String FROM = "from";
  static final String BUILDING = "building";
  static final String HOURS = "hours";

  /**
   * @param from ISO-8601 time with offset, or local time in {@code zone}
   * @param building building id, or null for all
   * @param hours whole hours, or null for the model's horizon
   * @throws BadParameterException naming the first parameter found wrong
   */
  static ForecastRequest check(ServedModel m, ZoneId zone, int maxHours, String from,
      String building, String hours) {
    Instant t = parseTime(from, zone);
    MeterData d = m.data();
    long stepSec = d.step().toSeconds();
    long stepMin = d.step().toMinutes();
    // In long seconds first: a time centuries away must not wrap around an int step index.
    long offset = Duration.between(d.start(), t).toSeconds();
    if (Math.floorMod(offset, stepSec) != 0 || t.getNano() != d.start().getNano()) {
      throw new BadParameterException(FROM, FROM + " " + t + " is not on the data's " + stepMin
          + "-minute grid (steps start at " + d.start() + ")");
    }
    long issue = Math.floorDiv(offset, stepSec);
    int needed = ServedModel.HISTORY_DAYS * d.stepsPerDay();
    if (issue < needed) {
      throw new BadParameterException(FROM, FROM + " " + t + " needs " + ServedModel.HISTORY_DAYS
          + " days of history before it in the data, which start at " + d.start()
          + ", so the earliest is " + d.time(needed));
    }
    // The features read the day before the issue, so the issue may be at most one step past the end.
    if (issue > d.length()) {
      throw new BadParameterException(FROM, FROM + " " + t + " is after the data's end: the latest"
          + " issue time is " + d.time(d.length()));
    }
    int b = -1;
    if (building != null) {
      b = d.buildingIndex(building);
      if (b < 0) {
        throw new BadParameterException(BUILDING, "unknown building \"" + building
            + "\"; the served buildings are " + m.buildings());
      }
    }
    int h = parseHours(hours, Math.min(m.horizonHours(), maxHours), maxHours);
    if (h * 60L % stepMin != 0) {
      throw new BadParameterException(HOURS, HOURS + " " + h + " is not a whole number of "
          + stepMin + "-minute steps");
    }
    return new ForecastRequest(t, (int) issue, (int) (h * 60L / stepMin), b);
  }

  /** ISO-8601 with an offset ({@code 2024-04-15T00:00+09:00}, {@code ...Z}), or local to the site. */
  static Instant parseTime(String s, ZoneId zone) {
    if (s == null || s.isBlank()) {
      throw new BadParameterException(FROM, FROM + " is required: the issue time, ISO-8601, e.g. "
          + "2024-04-15T00:00+09:00");
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.strip()).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw new BadParameterException(FROM, FROM + " is not an ISO-8601 time: \"" + abbreviate(s)
            + "\"; e.g. 2024-04-15T00:00+09:00, or 2024-04-15T00:00 in " + zone);
      }
    }
  }

  /** Whole hours in 1..max; blank means the default. */
  static int parseHours(String s, int fallback, int max) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    int h;
    try {
      h = Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new BadParameterException(HOURS, HOURS + " must be a whole number of hours from 1 to "
          + max + ", not \"" + abbreviate(s) + "\"");
    }
    if (h < 1 || h > max) {
      throw new BadParameterException(HOURS, HOURS + " must be from 1 to " + max + ", not " + h);
    }
    return h;
  }

  /** Echoes client text in a detail, but not a megabyte of it. */
  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
