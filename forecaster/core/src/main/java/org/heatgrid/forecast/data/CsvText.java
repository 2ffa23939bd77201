package org.heatgrid.forecast.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Field splitting and value parsing for {@link MeterCsv}, by hand rather than by regex or
 * {@code java.time} parsers: a meter file has hundreds of thousands of rows, and the common shapes
 * ({@code 2021-10-01T00:00:00Z}, {@code 12.5}) are parsed here in a few character comparisons.
 * Unusual but valid ISO-8601 forms fall back to {@link OffsetDateTime#parse}.
 *
 * <p>Not thread-safe: one instance per file read; the last parse error is kept in a field instead
 * of being thrown, since exceptions per bad row would be slow in a badly broken file.
 */
final class CsvText {

  /** Returned by {@link #parseEpochSecond} when the text is not a timestamp (see {@link #error}). */
  static final long NOT_A_TIME = Long.MIN_VALUE;

  /** Why the last parse failed, or (after a successful timestamp parse) null. */
  String error;

  /** The last timestamp parsed had a non-zero fraction of a second (not on any whole-second grid). */
  boolean fractionalSecond;

  // One-entry cache: consecutive rows usually share the date, so LocalDate is built once per day.
  private int cachedDateKey = -1;
  private long cachedEpochDay;

  /**
   * Splits a line into fields. Fast path without quotes; with a double quote anywhere, RFC 4180
   * quoting ({@code "a,b"}, {@code ""} inside quotes) is honoured.
   */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>(8);
    if (line.indexOf('"') < 0) {
      int from = 0;
      while (true) {
        int comma = line.indexOf(',', from);
        if (comma < 0) {
          out.add(line.substring(from));
          return out;
        }
        out.add(line.substring(from, comma));
        from = comma + 1;
      }
    }
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  /** Quotes a field for writing when it holds a comma, quote or line break. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Parses an ISO-8601 date-time with a UTC offset ({@code Z}, {@code +09:00}, {@code +0900} or
   * {@code +09}) to epoch seconds. A time without an offset is refused: it would be ambiguous.
   *
   * @return epoch seconds, or {@link #NOT_A_TIME} with {@link #error} set
   */
  long parseEpochSecond(String s) {
    error = null;
    fractionalSecond = false;
    long fast = parseCommonShape(s);
    if (fast != NOT_A_TIME) {
      return fast;
    }
    String why = error;
    try {
      OffsetDateTime t = OffsetDateTime.parse(s);
      error = null;
      fractionalSecond = t.getNano() != 0;
      return t.toEpochSecond();
    } catch (DateTimeParseException e) {
      error = why;
      return NOT_A_TIME;
    }
  }

  private long parseCommonShape(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return fail("not an ISO-8601 date-time");
    }
    char sep = s.charAt(10);
    if (sep != 'T' && sep != 't' && sep != ' ') {
      return fail("not an ISO-8601 date-time");
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if ((year | month | day | hour | minute) < 0) {
      return fail("not an ISO-8601 date-time");
    }
    int pos = 16;
    int second = 0;
    if (pos < n && s.charAt(pos) == ':') {
      second = digits(s, pos + 1, 2);
      if (second < 0) {
        return fail("not an ISO-8601 date-time");
      }
      pos += 3;
      if (pos < n && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
        int first = ++pos;
        while (pos < n && Character.isDigit(s.charAt(pos))) {
          if (s.charAt(pos) != '0') {
            fractionalSecond = true;
          }
          pos++;
        }
        if (pos == first) {
          return fail("not an ISO-8601 date-time");
        }
      }
    }
    if (pos >= n) {
      return fail("no UTC offset (Z or +HH:MM)");
    }
    int offset;
    char c = s.charAt(pos);
    if (c == 'Z' || c == 'z') {
      offset = 0;
      pos++;
    } else if (c == '+' || c == '-') {
      int oh = digits(s, pos + 1, 2);
      pos += 3;
      int om = 0;
      if (pos < n) {
        if (s.charAt(pos) == ':') {
          pos++;
        }
        om = digits(s, pos, 2);
        pos += 2;
      }
      if (oh < 0 || om < 0 || oh > 18 || om > 59) {
        return fail("bad UTC offset");
      }
      offset = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return fail("not an ISO-8601 date-time");
    }
    if (pos != n) {
      return fail("unexpected text after the UTC offset");
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return fail("time of day out of range");
    }
    long epochDay;
    int key = year * 10000 + month * 100 + day;
    if (key == cachedDateKey) {
      epochDay = cachedEpochDay;
    } else {
      try {
        epochDay = LocalDate.of(year, month, day).toEpochDay();
      } catch (DateTimeException e) {
        return fail("no such date");
      }
      cachedDateKey = key;
      cachedEpochDay = epochDay;
    }
    return epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset;
  }

  private long fail(String why) {
    error = why;
    return NOT_A_TIME;
  }

  /** The decimal number in {@code s[from, from+len)}, or -1 if any character is not a digit. */
  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Parses a finite decimal number (an optional sign, digits, a point, an exponent). Refuses what
   * {@link Double#parseDouble} would otherwise accept but a meter never writes: {@code NaN},
   * {@code Infinity}, hexadecimal, a {@code d}/{@code f} suffix; and values that overflow.
   *
   * @param s the trimmed, non-empty field
   * @return the value, or NaN with {@link #error} set
   */
  double parseNumber(String s) {
    error = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (t.equalsIgnoreCase("nan")) {
          error = "NaN";
        } else if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
          error = "infinite value '" + s + "'";
        } else {
          error = "not a number: '" + s + "'";
        }
        return Double.NaN;
      }
    }
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      error = "not a number: '" + s + "'";
      return Double.NaN;
    }
    if (Double.isInfinite(v)) {
      error = "infinite value '" + s + "'";
      return Double.NaN;
    }
    return v;
  }
}
