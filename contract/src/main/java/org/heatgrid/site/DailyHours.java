package org.heatgrid.site;

/**
 * Occupied hours within one day, {@code [startMinute, endMinute)} in minutes after midnight;
 * {@code endMinute} may be 1440 (midnight at the end of the day). Equal start and end means closed.
 */
public record DailyHours(int startMinute, int endMinute) {

  public static final DailyHours CLOSED = new DailyHours(0, 0);
  public static final DailyHours ALL_DAY = new DailyHours(0, 1440);

  public DailyHours {
    if (startMinute < 0 || endMinute > 1440 || startMinute > endMinute) {
      throw new IllegalArgumentException(
          "hours must satisfy 00:00 <= start <= end <= 24:00: " + startMinute + ".." + endMinute
              + " minutes");
    }
  }

  /**
   * Parses {@code "HH:MM-HH:MM"} (end may be {@code 24:00}) or {@code "closed"}.
   *
   * @throws IllegalArgumentException naming the text and the reason
   */
  public static DailyHours parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("closed")) {
      return CLOSED;
    }
    String[] p = t.split("-");
    if (p.length != 2) {
      throw new IllegalArgumentException("expected HH:MM-HH:MM or closed, got \"" + text + "\"");
    }
    int s = minutes(p[0], text);
    int e = minutes(p[1], text);
    if (s >= e) {
      throw new IllegalArgumentException("start must be before end in \"" + text + "\"");
    }
    return new DailyHours(s, e);
  }

  private static int minutes(String hhmm, String text) {
    String[] p = hhmm.strip().split(":");
    try {
      int h = Integer.parseInt(p[0]);
      int m = p.length == 2 ? Integer.parseInt(p[1]) : -1;
      if (p.length != 2 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) {
        throw new NumberFormatException();
      }
      return h * 60 + m;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad time \"" + hhmm.strip() + "\" in \"" + text + "\"");
    }
  }

  public boolean isClosed() {
    return startMinute == endMinute;
  }

  public boolean contains(int minuteOfDay) {
    return minuteOfDay >= startMinute && minuteOfDay < endMinute;
  }

  @Override
  public String toString() {
    return isClosed() ? "closed" : hhmm(startMinute) + "-" + hhmm(endMinute);
  }

  private static String hhmm(int m) {
    return String.format("%02d:%02d", m / 60, m % 60);
  }
}
