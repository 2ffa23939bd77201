package org.heatgrid.sim.weather;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an EnergyPlus EPW weather file into an {@link EpwYear}: the 8 header lines, then 8,760
 * hourly rows (8,784 in a leap year; Feb 29 is dropped). Only the fields the simulator uses are
 * checked and kept: 1 year, 2 month, 3 day, 4 hour (1..24, hour ending), 7 dry-bulb temperature C,
 * 14 global horizontal irradiance Wh/m2 over the preceding hour.
 *
 * <p>Every problem is a {@link WeatherFileException} naming the file, the 1-based line and field
 * and the reason, because a silently misread weather file would bias every simulated result.
 */
public final class EpwReader {

  /** Shipped resource: Daejeon, the default climate of the cluster. */
  public static final String DAEJEON = "KOR_TJ_Daejeon.WS.471330_TMYx.2011-2025.epw";

  /** Shipped resource: Seoul. */
  public static final String SEOUL = "KOR_SO_Seoul.WS.471080_TMYx.2011-2025.epw";

  private static final int HEADER_LINES = 8;
  private static final int MIN_FIELDS = 22;
  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  private static final double GHI_MISSING = 9999;

  private EpwReader() {}

  /** Reads an EPW file from disk. */
  public static EpwYear read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new WeatherFileException("weather file not found: " + path.toAbsolutePath());
    }
    // ISO-8859-1 never fails to decode; only ASCII digits matter in the data rows.
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      return parse(in, path.getFileName().toString());
    } catch (IOException e) {
      throw new WeatherFileException("cannot read weather file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a weather file shipped with the simulator, from the classpath folder {@code /weather/}
   * (e.g. {@link #DAEJEON}); a name starting with "/" is taken as a full classpath path.
   */
  public static EpwYear readResource(String resourcePath) {
    String full = resourcePath.startsWith("/") ? resourcePath : "/weather/" + resourcePath;
    InputStream stream = EpwReader.class.getResourceAsStream(full);
    if (stream == null) {
      throw new WeatherFileException("weather resource not found on the classpath: " + full);
    }
    String name = full.substring(full.lastIndexOf('/') + 1);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1))) {
      return parse(in, name);
    } catch (IOException e) {
      throw new WeatherFileException(
          "cannot read weather resource " + full + ": " + e.getMessage(), e);
    }
  }

  static EpwYear parse(BufferedReader in, String file) throws IOException {
    String line = in.readLine();
    if (line == null || !line.startsWith("LOCATION")) {
      throw new WeatherFileException(file + " line 1: header must start with LOCATION, found: "
          + (line == null ? "an empty file" : quote(line)));
    }
    String[] loc = line.split(",", -1);
    if (loc.length < 10) {
      throw new WeatherFileException(
          file + " line 1: LOCATION has " + loc.length + " fields, expected 10");
    }
    String station = loc[1].trim();
    double latitude = number(file, 1, loc, 7, "latitude", -90, 90);
    double longitude = number(file, 1, loc, 8, "longitude", -180, 180);
    double timeZone = number(file, 1, loc, 9, "time zone", -12, 14);
    for (int n = 2; n <= HEADER_LINES; n++) {
      line = in.readLine();
      if (line == null) {
        throw new WeatherFileException(
            file + " line " + n + ": file ends inside the 8 header lines");
      }
    }
    if (!line.startsWith("DATA PERIODS")) {
      throw new WeatherFileException(file + " line " + HEADER_LINES
          + ": the last header line must start with DATA PERIODS, found: " + quote(line));
    }

    double[] outdoorC = new double[EpwYear.HOURS];
    double[] ghiWm2 = new double[EpwYear.HOURS];
    int lineNo = HEADER_LINES;
    int rows = 0; // data rows read, Feb 29 included
    int kept = 0; // rows stored, Feb 29 excluded
    int month = 1;
    int day = 1;
    int hour = 0; // "before 1/1 hour 1"
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue; // trailing blank lines are harmless
      }
      if (month == 12 && day == 31 && hour == 24) {
        throw new WeatherFileException(file + " line " + lineNo + ": a row after December 31"
            + " hour 24; expected 8760 hourly rows (8784 in a leap year), found more");
      }
      String[] f = line.split(",", -1);
      if (f.length < MIN_FIELDS) {
        throw new WeatherFileException(file + " line " + lineNo + ": " + f.length
            + " fields, expected at least " + MIN_FIELDS);
      }
      number(file, lineNo, f, 1, "year", -9999, 9999);
      int m = integer(file, lineNo, f, 2, "month", 1, 12);
      int d = integer(file, lineNo, f, 3, "day", 1, 31);
      int h = integer(file, lineNo, f, 4, "hour", 1, 24);
      // The row that must follow (month, day, hour); after Feb 28 hour 24 a Feb 29 may follow.
      int em = month;
      int ed = day;
      int eh = hour + 1;
      if (eh > 24) {
        eh = 1;
        ed++;
        boolean leapDay = month == 2 && day == 28 && m == 2 && d == 29;
        if (ed > DAYS_IN_MONTH[month - 1] && !leapDay) {
          ed = 1;
          em++;
        }
      }
      if (m != em || d != ed || h != eh) {
        int field = m != em ? 2 : d != ed ? 3 : 4;
        String what = field == 2 ? "month" : field == 3 ? "day" : "hour";
        String expected = rows == 0 ? "the first row must be 1/1 hour 1"
            : "expected " + em + "/" + ed + " hour " + eh + " after " + month + "/" + day
                + " hour " + hour;
        throw new WeatherFileException(file + " line " + lineNo + ", field " + field + " (" + what
            + "): out of sequence: found " + m + "/" + d + " hour " + h + ", " + expected);
      }
      month = m;
      day = d;
      hour = h;
      double t = number(file, lineNo, f, 7, "dry-bulb temperature", -70, 70);
      double g = number(file, lineNo, f, 14, "global horizontal irradiance", 0, 1500);
      rows++;
      if (!(m == 2 && d == 29)) {
        outdoorC[kept] = t;
        ghiWm2[kept] = g;
        kept++;
      }
    }
    if (!(month == 12 && day == 31 && hour == 24)) {
      throw new WeatherFileException(file + " line " + lineNo + ": file ends after " + rows
          + " data rows (last " + month + "/" + day + " hour " + hour
          + "); expected 8760 hourly rows (8784 in a leap year) ending December 31 hour 24");
    }
    return new EpwYear(station, latitude, longitude, timeZone, outdoorC, ghiWm2);
  }

  /** Field {@code field} (1-based) as a finite number within [min, max]. */
  private static double number(
      String file, int lineNo, String[] f, int field, String name, double min, double max) {
    String text = f[field - 1].trim();
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v)) {
      throw fieldError(file, lineNo, field, name, "not a number: " + quote(text));
    }
    if (field == 14 && v == GHI_MISSING) {
      throw fieldError(file, lineNo, field, name, "missing value (9999)");
    }
    if (v < min || v > max) {
      throw fieldError(file, lineNo, field, name,
          "out of range " + fmt(min) + ".." + fmt(max) + ": " + text);
    }
    return v;
  }

  private static int integer(
      String file, int lineNo, String[] f, int field, String name, int min, int max) {
    double v = number(file, lineNo, f, field, name, min, max);
    if (v != Math.rint(v)) {
      throw fieldError(file, lineNo, field, name, "not a whole number: " + quote(f[field - 1]));
    }
    return (int) v;
  }

  private static WeatherFileException fieldError(
      String file, int lineNo, int field, String name, String reason) {
    return new WeatherFileException(
        file + " line " + lineNo + ", field " + field + " (" + name + "): " + reason);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
  }
}
