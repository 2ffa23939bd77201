package org.heatgrid.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.data.MeterCsv;
import org.heatgrid.forecast.data.MeterData;
import picocli.CommandLine.Option;

/** Options shared by the forecast commands: data file, time zone, holidays, training knobs. */
final class ForecastOptions {

  @Option(names = "--data", paramLabel = "FILE", required = true,
      description = "Meter CSV (timestamp,building,heat_kw,outdoor_c,ghi_wm2), plain or .gz; "
          + "repeat to join files (e.g. a history and a test period).")
  java.util.List<Path> data;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Local time zone: days start at its midnight, calendar features use it (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(names = "--holidays", paramLabel = "kr|none|FILE", defaultValue = "kr",
      description = "Holiday calendar for the holiday inputs (default: ${DEFAULT-VALUE}); years it does not cover count as without holidays.")
  String holidays;

  static HolidayCalendar calendar(String name) {
    try {
      return HolidayCalendar.resolve(name, Path.of(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--holidays " + e.getMessage(), e);
    }
  }

  /** Reads the data and reports what was refused in it to standard error. */
  MeterData read(java.io.PrintWriter err) {
    MeterData joined = null;
    for (Path p : data) {
      MeterCsv.Result r = MeterCsv.read(p);
      err.println(p + ": " + r.summary(10));
      joined = joined == null ? r.data() : joined.merge(r.data());
    }
    return joined;
  }

  /** The grid index of local midnight starting {@code day}; refuses days outside the data. */
  static int midnight(MeterData d, LocalDate day, ZoneId zone, String option) {
    int i = d.indexOf(day.atStartOfDay(zone).toInstant());
    if (i < 0 || i > d.length()) {
      throw new IllegalArgumentException(option + " " + day + " lies outside the data ("
          + d.time(0) + " to " + d.time(d.length()) + ")");
    }
    return i;
  }
}
