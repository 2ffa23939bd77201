package org.heatgrid.control.weather;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.heatgrid.weather.WeatherForecast;

/**
 * Reads a response of the Open-Meteo forecast API (https://open-meteo.com/en/docs,
 * {@code /v1/forecast} with {@code hourly=temperature_2m,shortwave_radiation}): {@code latitude},
 * {@code longitude}, {@code utc_offset_seconds}, {@code hourly_units} and {@code hourly} with
 * {@code time} (ISO local times in the response's time zone, or unix seconds with
 * {@code timeformat=unixtime}), {@code temperature_2m} (C, instantaneous) and
 * {@code shortwave_radiation} (W/m2, mean of the preceding hour).
 *
 * <p>Everything is checked; bad input throws an {@link IllegalArgumentException} whose message
 * starts with the field (e.g. {@code hourly.temperature_2m[17]: null ...}) and says why. A null
 * value is refused rather than skipped: a gap in the forecast would be planned on as if known.
 * Local times are converted with the one {@code utc_offset_seconds} of the response, which is
 * exact for zones without daylight saving time (Asia/Seoul); across a DST change the times no
 * longer step by one hour and the response is refused, which is why {@link PolledWeather} asks
 * for unix seconds.
 */
public final class OpenMeteoFormat {

  /** The hourly field of the outdoor temperature. */
  public static final String TEMPERATURE = "temperature_2m";
  /** The hourly field of the global horizontal irradiance. */
  public static final String GHI = "shortwave_radiation";
  /** Plausible range of an outdoor temperature, C; beyond it the data is wrong, not the weather. */
  public static final double MIN_C = -60;
  /** See {@link #MIN_C}. */
  public static final double MAX_C = 60;
  /** Highest plausible global horizontal irradiance, W/m2 (the solar constant is 1361). */
  public static final double MAX_GHI = 1500;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private OpenMeteoFormat() {}

  /** The response on the loop's step from {@code now} on; see {@link HourlyWeather#forecast}. */
  public static WeatherForecast forecast(String json, Instant now, Duration step, int maxSize) {
    return parse(json).forecast(now, step, maxSize);
  }

  /**
   * The hourly series of a response, checked.
   *
   * @throws IllegalArgumentException naming the field and the reason
   */
  public static HourlyWeather parse(String json) {
    JsonNode root;
    try {
      root = json == null ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw bad("(document)", "not JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    if (root == null || root.isMissingNode()) {
      throw bad("(document)", "empty, expected a JSON object");
    }
    if (!root.isObject()) {
      throw bad("(document)", "expected a JSON object, got " + kind(root));
    }
    if (root.path("error").asBoolean(false)) {
      throw bad("error", "Open-Meteo refused the request: " + clip(root.path("reason").asText("")));
    }
    double latitude = number(root, "latitude", "latitude", -90, 90);
    double longitude = number(root, "longitude", "longitude", -180, 180);
    JsonNode units = object(root, "hourly_units");
    unit(units, TEMPERATURE, "°C");
    unit(units, GHI, "W/m²");
    JsonNode hourly = object(root, "hourly");
    JsonNode time = array(hourly, "time");
    JsonNode temperature = array(hourly, TEMPERATURE);
    JsonNode ghi = array(hourly, GHI);
    if (time.size() < 2) {
      throw bad("hourly.time", time.size() + " values, at least 2 needed");
    }
    for (String f : new String[] {TEMPERATURE, GHI}) {
      if (hourly.get(f).size() != time.size()) {
        throw bad("hourly." + f, hourly.get(f).size() + " values but hourly.time has "
            + time.size());
      }
    }
    long[] t = times(root, time);
    double[] c = new double[t.length];
    double[] g = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      c[i] = value(temperature, TEMPERATURE, i, t[i], MIN_C, MAX_C);
      g[i] = value(ghi, GHI, i, t[i], 0, MAX_GHI);
    }
    return new HourlyWeather(latitude, longitude, t, c, g);
  }

  private static long[] times(JsonNode root, JsonNode time) {
    long[] t = new long[time.size()];
    ZoneOffset offset = null;
    for (int i = 0; i < t.length; i++) {
      JsonNode n = time.get(i);
      String where = "hourly.time[" + i + "]";
      if (n.isIntegralNumber() && n.canConvertToLong()) {
        t[i] = n.asLong(); // timeformat=unixtime
      } else if (n.isTextual()) {
        if (offset == null) {
          offset = ZoneOffset.ofTotalSeconds(
              (int) number(root, "utc_offset_seconds", "utc_offset_seconds", -64800, 64800));
        }
        try {
          t[i] = LocalDateTime.parse(n.asText()).toEpochSecond(offset);
        } catch (DateTimeParseException e) {
          throw bad(where, "'" + clip(n.asText()) + "' is not an ISO local date-time");
        }
      } else {
        throw bad(where, "expected an ISO local time or unix seconds, got " + kind(n));
      }
      if (i > 0 && t[i] <= t[i - 1]) {
        throw bad(where, Instant.ofEpochSecond(t[i]) + " is not after hourly.time[" + (i - 1)
            + "] (" + Instant.ofEpochSecond(t[i - 1]) + "): times must increase");
      }
      if (i > 0 && t[i] - t[i - 1] != HourlyWeather.HOUR_S) {
        throw bad(where, Instant.ofEpochSecond(t[i]) + " is " + (t[i] - t[i - 1])
            + " s after hourly.time[" + (i - 1) + "], expected 3600 s (hourly data)");
      }
    }
    return t;
  }

  private static double value(JsonNode array, String field, int i, long time, double lo,
      double hi) {
    JsonNode n = array.get(i);
    String where = "hourly." + field + "[" + i + "]";
    String at = " (at " + Instant.ofEpochSecond(time) + ")";
    if (n.isNull()) {
      throw bad(where, "null, no value" + at);
    }
    if (!n.isNumber()) {
      throw bad(where, "expected a number, got " + kind(n) + at);
    }
    double v = n.asDouble();
    if (!(v >= lo && v <= hi)) {
      throw bad(where, v + " is outside " + lo + ".." + hi + at);
    }
    return v;
  }

  private static double number(JsonNode parent, String field, String where, double lo, double hi) {
    JsonNode n = parent.get(field);
    if (n == null) {
      throw bad(where, "missing");
    }
    if (!n.isNumber()) {
      throw bad(where, "expected a number, got " + kind(n));
    }
    double v = n.asDouble();
    if (!(v >= lo && v <= hi)) {
      throw bad(where, v + " is outside " + lo + ".." + hi);
    }
    return v;
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null) {
      throw bad(field, "missing (was " + TEMPERATURE + "," + GHI + " asked for as hourly?)");
    }
    if (!n.isObject()) {
      throw bad(field, "expected an object, got " + kind(n));
    }
    return n;
  }

  private static JsonNode array(JsonNode hourly, String field) {
    JsonNode n = hourly.get(field);
    if (n == null) {
      throw bad("hourly." + field, "missing");
    }
    if (!n.isArray()) {
      throw bad("hourly." + field, "expected an array, got " + kind(n));
    }
    return n;
  }

  private static void unit(JsonNode units, String field, String expected) {
    JsonNode n = units.get(field);
    if (n == null) {
      throw bad("hourly_units." + field, "missing");
    }
    if (!expected.equals(n.asText())) {
      // e.g. temperature_unit=fahrenheit in an overridden URL: the numbers would be misread.
      throw bad("hourly_units." + field, "'" + clip(n.asText()) + "', expected '" + expected + "'");
    }
  }

  private static String kind(JsonNode n) {
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private static IllegalArgumentException bad(String field, String reason) {
    return new IllegalArgumentException(field + ": " + reason);
  }
}
