package org.heatgrid.control.weather;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where and how often {@link PolledWeather} polls.
 *
 * @param url what to fetch (http or https)
 * @param latitude where the answer must be for, degrees north (within 0.5 degree: Open-Meteo snaps
 *     to its grid); NaN: not checked (a configured full URL)
 * @param longitude likewise, degrees east; NaN exactly when {@code latitude} is
 * @param refresh time between fetches after a good one (default 1 h)
 * @param retry time before the next try after a failed fetch, at most {@code refresh} (default 10
 *     min: waiting a whole refresh after every blip would eat into {@code maxAge})
 * @param maxAge oldest forecast served (default 6 h), at least {@code refresh}
 * @param timeout longest a fetch may hold up the loop (default 10 s), at most {@code refresh}
 */
public record PollSettings(URI url, double latitude, double longitude, Duration refresh,
    Duration retry, Duration maxAge, Duration timeout) {

  /** Open-Meteo's public forecast endpoint (free for non-commercial use, no key). */
  public static final String OPEN_METEO = "https://api.open-meteo.com/v1/forecast";
  /** Default of {@code refresh}. */
  public static final Duration REFRESH = Duration.ofHours(1);
  /** Default of {@code retry}. */
  public static final Duration RETRY = Duration.ofMinutes(10);
  /** Default of {@code maxAge}. */
  public static final Duration MAX_AGE = Duration.ofHours(6);
  /** Default of {@code timeout}. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** @throws IllegalArgumentException naming the setting and the reason */
  public PollSettings {
    Objects.requireNonNull(url, "url");
    boolean http = "http".equalsIgnoreCase(url.getScheme())
        || "https".equalsIgnoreCase(url.getScheme());
    if (!http || url.getHost() == null) {
      throw new IllegalArgumentException("url: '" + redacted(url) + "' is not an http(s) URL");
    }
    if (Double.isNaN(latitude) != Double.isNaN(longitude)) {
      throw new IllegalArgumentException("latitude, longitude: give both or neither");
    }
    if (!Double.isNaN(latitude) && !(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude: " + latitude + " is outside -90..90");
    }
    if (!Double.isNaN(longitude) && !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude: " + longitude + " is outside -180..180");
    }
    positive("refresh", refresh);
    positive("retry", retry);
    positive("maxAge", maxAge);
    positive("timeout", timeout);
    if (retry.compareTo(refresh) > 0) {
      throw new IllegalArgumentException("retry: " + retry + " is longer than refresh " + refresh);
    }
    if (maxAge.compareTo(refresh) < 0) {
      throw new IllegalArgumentException("maxAge: " + maxAge + " is shorter than refresh "
          + refresh + ", so every forecast would go stale before the next fetch");
    }
    if (timeout.compareTo(refresh) > 0) {
      throw new IllegalArgumentException("timeout: " + timeout + " is longer than refresh "
          + refresh);
    }
  }

  /**
   * Open-Meteo for a place with the default intervals.
   *
   * @param base the endpoint, normally {@link #OPEN_METEO}
   */
  public static PollSettings openMeteo(String base, double latitude, double longitude,
      ZoneId zone) {
    return new PollSettings(openMeteoUrl(base, latitude, longitude, zone), latitude, longitude,
        REFRESH, RETRY, MAX_AGE, TIMEOUT);
  }

  /** A full URL, place not checked, with the default intervals. */
  public static PollSettings url(URI url) {
    return new PollSettings(url, Double.NaN, Double.NaN, REFRESH, RETRY, MAX_AGE, TIMEOUT);
  }

  /** The same with other intervals; {@code retry} is capped at the new {@code refresh}. */
  public PollSettings withIntervals(Duration refresh, Duration maxAge, Duration timeout) {
    Objects.requireNonNull(refresh, "refresh");
    Duration r = retry.compareTo(refresh) > 0 ? refresh : retry;
    return new PollSettings(url, latitude, longitude, refresh, r, maxAge, timeout);
  }

  /**
   * The Open-Meteo request for a place: hourly temperature and irradiance for three days from
   * local midnight (so that a forecast at its maximum age still reaches a day ahead), times as
   * unix seconds (unambiguous across daylight saving changes; {@code zone} only sets where the
   * days start).
   */
  public static URI openMeteoUrl(String base, double latitude, double longitude, ZoneId zone) {
    return URI.create(base + (base.contains("?") ? "&" : "?")
        + "latitude=" + BigDecimal.valueOf(latitude).toPlainString()
        + "&longitude=" + BigDecimal.valueOf(longitude).toPlainString()
        + "&hourly=" + OpenMeteoFormat.TEMPERATURE + "," + OpenMeteoFormat.GHI
        + "&timezone=" + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8)
        + "&timeformat=unixtime&forecast_days=3");
  }

  /** Scheme, host, port and path only: the query may hold a key, and the user part a password. */
  static String redacted(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
        + (u.getPath() == null ? "" : u.getPath());
  }

  private static void positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + ": " + d + " is not positive");
    }
  }
}
