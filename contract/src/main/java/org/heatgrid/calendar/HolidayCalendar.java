package org.heatgrid.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public holidays over a range of years that the calendar covers.
 *
 * <p>Asking about a date outside the covered years throws, because silently treating an unknown
 * holiday as a workday would shift schedules and forecasts without anyone noticing. Immutable and
 * thread-safe.
 */
public final class HolidayCalendar {

  private final String name;
  private final int firstYear;
  private final int lastYear;
  private final Map<LocalDate, String> holidays;

  private HolidayCalendar(String name, int firstYear, int lastYear, Map<LocalDate, String> holidays) {
    this.name = name;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.holidays = Map.copyOf(holidays);
  }

  /** Korean public holidays shipped with heatgrid (see {@code calendar/kr-public-holidays.csv}). */
  public static HolidayCalendar korea() {
    return KoreaHolder.KOREA;
  }

  /** A calendar without holidays, covering every year; for tests and sites that want none. */
  public static HolidayCalendar none() {
    return new HolidayCalendar("none", Integer.MIN_VALUE, Integer.MAX_VALUE, Map.of());
  }

  /**
   * The calendar a scenario, a command line or a stored model names: {@code kr}, {@code none},
   * or a holiday file (see {@link #read}) relative to {@code baseDir}.
   *
   * @throws IllegalArgumentException when the name is none of these, or the file is bad
   */
  public static HolidayCalendar resolve(String name, Path baseDir) {
    if (name.equals("kr")) {
      return korea();
    }
    if (name.equals("none")) {
      return none();
    }
    Path file = baseDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("must be kr, none or a holiday CSV file; no file " + file);
    }
    return read(file);
  }

  /**
   * Reads a holiday file: {@code #} comments, a line {@code coverage,FIRST_YEAR,LAST_YEAR}, a header
   * {@code date,name}, then one {@code YYYY-MM-DD,name} per line.
   *
   * @throws IllegalArgumentException naming the file and line of the first bad line
   */
  public static HolidayCalendar read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read holiday file " + file + ": " + e.getMessage(), e);
    }
  }

  static HolidayCalendar parse(String source, Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    Map<LocalDate, String> days = new TreeMap<>();
    Integer first = null;
    Integer last = null;
    String line;
    int no = 0;
    while ((line = in.readLine()) != null) {
      no++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("date,name")) {
        continue;
      }
      String[] f = t.split(",", 2);
      String where = source + " line " + no + ": ";
      if (f[0].equals("coverage")) {
        String[] years = f.length > 1 ? f[1].split(",") : new String[0];
        if (years.length != 2) {
          throw new IllegalArgumentException(where + "coverage needs FIRST_YEAR,LAST_YEAR");
        }
        first = parseYear(where, years[0]);
        last = parseYear(where, years[1]);
        continue;
      }
      try {
        LocalDate d = LocalDate.parse(f[0]);
        days.put(d, f.length > 1 ? f[1] : "");
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + "not a date (YYYY-MM-DD): \"" + f[0] + "\"");
      }
    }
    if (first == null) {
      throw new IllegalArgumentException(source + ": missing line coverage,FIRST_YEAR,LAST_YEAR");
    }
    for (LocalDate d : days.keySet()) {
      if (d.getYear() < first || d.getYear() > last) {
        throw new IllegalArgumentException(
            source + ": holiday " + d + " lies outside the coverage " + first + "-" + last);
      }
    }
    return new HolidayCalendar(source, first, last, days);
  }

  private static int parseYear(String where, String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + "not a year: \"" + s + "\"");
    }
  }

  /** True on a public holiday. @throws IllegalArgumentException outside the covered years */
  public boolean isHoliday(LocalDate date) {
    if (date.getYear() < firstYear || date.getYear() > lastYear) {
      throw new IllegalArgumentException(
          "holiday calendar " + name + " covers " + firstYear + "-" + lastYear + ", not " + date);
    }
    return holidays.containsKey(date);
  }

  /** True on Sundays and public holidays: the days a weekday schedule does not apply to. */
  public boolean isSundayOrHoliday(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(date);
  }

  /** The name of the holiday on {@code date}, or null. */
  public String holidayName(LocalDate date) {
    return isHoliday(date) ? holidays.get(date) : null;
  }

  public String name() {
    return name;
  }

  public int firstYear() {
    return firstYear;
  }

  public int lastYear() {
    return lastYear;
  }

  @Override
  public String toString() {
    return "HolidayCalendar[" + name + ", " + firstYear + "-" + lastYear + ", " + holidays.size()
        + " days]";
  }

  private static final class KoreaHolder {
    static final HolidayCalendar KOREA = load("/calendar/kr-public-holidays.csv", "kr");

    private static HolidayCalendar load(String resource, String name) {
      try (InputStream s = HolidayCalendar.class.getResourceAsStream(resource)) {
        if (s == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        HolidayCalendar c = parse(resource, new InputStreamReader(s, StandardCharsets.UTF_8));
        return new HolidayCalendar(name, c.firstYear, c.lastYear, c.holidays);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
