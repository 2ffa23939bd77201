package org.heatgrid.learn.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one line of InfluxDB line protocol ({@code measurement,tag=v field=1.5,n=3i,ok=t "s" ts}),
 * the format the control service writes to {@code points.lp} and {@code influx -export} writes.
 * InfluxDB's Java client writes it but does not read it, so the few escaping rules are here.
 */
final class LineProtocol {

  /** One point: numbers as Double (integers without the {@code i}), booleans, strings. */
  record Line(String measurement, Map<String, String> tags, Map<String, Object> fields,
      long timestamp) {}

  private LineProtocol() {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  static Line parse(String line) {
    int[] pos = {0};
    String key = token(line, pos, true);
    String[] parts = splitUnescaped(key, ',');
    String measurement = unescape(parts[0]);
    if (measurement.isEmpty()) {
      throw new IllegalArgumentException("no measurement");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = splitUnescaped(parts[i], '=');
      if (kv.length != 2 || kv[0].isEmpty()) {
        throw new IllegalArgumentException("tag '" + parts[i] + "' is not key=value");
      }
      tags.put(unescape(kv[0]), unescape(kv[1]));
    }
    Map<String, Object> fields = fields(line, pos);
    String rest = line.substring(Math.min(pos[0], line.length())).trim();
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("no timestamp");
    }
    long ts;
    try {
      ts = Long.parseLong(rest);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("timestamp '" + rest + "' is not an integer");
    }
    return new Line(measurement, tags, fields, ts);
  }

  /** The text up to the next unescaped space (outside quotes for the field set). */
  private static String token(String line, int[] pos, boolean key) {
    StringBuilder sb = new StringBuilder();
    int i = pos[0];
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        sb.append(c).append(line.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == ' ') {
        break;
      }
      sb.append(c);
      i++;
    }
    if (i >= line.length() && key) {
      throw new IllegalArgumentException("no fields (line ends after '" + sb + "')");
    }
    pos[0] = i + 1;
    return sb.toString();
  }

  private static Map<String, Object> fields(String line, int[] pos) {
    Map<String, Object> out = new LinkedHashMap<>();
    int i = pos[0];
    while (true) {
      int eq = i;
      StringBuilder name = new StringBuilder();
      while (eq < line.length() && line.charAt(eq) != '=') {
        char c = line.charAt(eq);
        if (c == '\\' && eq + 1 < line.length()) {
          name.append(line.charAt(eq + 1));
          eq += 2;
          continue;
        }
        if (c == ' ' || c == ',') {
          throw new IllegalArgumentException("field '" + name + "' has no value");
        }
        name.append(c);
        eq++;
      }
      if (eq >= line.length()) {
        throw new IllegalArgumentException("field '" + name + "' has no value");
      }
      int v = eq + 1;
      Object value;
      if (v < line.length() && line.charAt(v) == '"') {
        StringBuilder s = new StringBuilder();
        int j = v + 1;
        while (j < line.length() && line.charAt(j) != '"') {
          // Only \" and \\ are escapes in a string; any other backslash is kept.
          if (line.charAt(j) == '\\' && j + 1 < line.length()
              && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
            j++;
          }
          s.append(line.charAt(j++));
        }
        if (j >= line.length()) {
          throw new IllegalArgumentException("field '" + name + "': unterminated string");
        }
        value = s.toString();
        i = j + 1;
      } else {
        int j = v;
        while (j < line.length() && line.charAt(j) != ',' && line.charAt(j) != ' ') {
          j++;
        }
        value = scalar(name.toString(), line.substring(v, j));
        i = j;
      }
      out.put(name.toString(), value);
      if (i >= line.length() || line.charAt(i) == ' ') {
        pos[0] = i + 1;
        return out;
      }
      i++; // the comma
    }
  }

  private static Object scalar(String name, String text) {
    switch (text) {
      case "t", "T", "true", "True", "TRUE":
        return Boolean.TRUE;
      case "f", "F", "false", "False", "FALSE":
        return Boolean.FALSE;
      default:
        break;
    }
    String number = text.endsWith("i") || text.endsWith("u") ? text.substring(0, text.length() - 1) : text;
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field '" + name + "': '" + text + "' is not a value");
    }
  }

  private static String[] splitUnescaped(String s, char sep) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        sb.append(c).append(s.charAt(++i));
      } else if (c == sep) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out.toArray(String[]::new);
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\([ ,=\"\\\\])", "$1");
  }
}
