package org.heatgrid.control.weather;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.weather.WeatherForecast;

/**
 * A weather source that polls the Open-Meteo forecast API over HTTP and serves the last good
 * answer on the loop's step, with a persistence forecast when it has none young enough.
 *
 * <ul>
 *   <li>Polling: when {@link #forecast} is called and the last good fetch is {@code refresh} old
 *       (after a failed one: {@code retry}), it fetches once, on the caller's thread, and gives up
 *       after {@code timeout} (connection, headers and body together), so the loop is held up at
 *       most that long once per refresh.
 *   <li>Cache: the last good answer is kept and served, shifted to the {@code now} asked for,
 *       while it is at most {@code maxAge} old and covers {@code now}. A fetch that fails (no
 *       answer, HTTP error, a response {@link OpenMeteoFormat} refuses, another place, a forecast
 *       that does not cover now) leaves the cache alone and is counted with its reason.
 *   <li>Fallback: otherwise the {@code fallback} source answers (the loop's persistence forecast
 *       of the observed outdoor temperature) and the period is counted stale.
 * </ul>
 *
 * <p>{@link #forecast} never throws for a fetch or parse problem. The fetch times and the age come
 * from the injected clock (so the age can be read between periods, for metrics); the instant
 * passed to {@link #forecast} places index 0. Called from one thread (the loop's); {@link
 * #status()} may be read from any.
 */
public final class PolledWeather implements WeatherSource {

  private static final Logger LOG = Logger.getLogger(PolledWeather.class.getName());

  private record Cached(HourlyWeather weather, Instant fetchedAt) {}

  private final PollSettings settings;
  private final Duration step;
  private final int maxSize;
  private final Clock clock;
  private final WeatherSource fallback;
  private final HttpText http;
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong stalePeriods = new AtomicLong();
  private volatile Cached cache;
  private volatile String lastFailure;
  private volatile boolean servingFallback;
  private Instant lastTry; // loop thread
  private Instant nextFetch; // loop thread

  /**
   * @param settings where, how often and how long
   * @param step spacing of the values served (the loop's step)
   * @param horizon length of the forecast served, at least one step (shorter when the answer
   *     ends sooner)
   * @param clock when to fetch and how old the forecast is
   * @param fallback answers when there is no forecast young enough (the persistence forecast)
   */
  public PolledWeather(PollSettings settings, Duration step, Duration horizon, Clock clock,
      WeatherSource fallback) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.step = Objects.requireNonNull(step, "step");
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("step: " + step + " is not positive");
    }
    this.maxSize = (int) Math.max(1, horizon.dividedBy(step)) + 1;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.http = new HttpText(settings.timeout());
  }

  @Override
  public synchronized WeatherForecast forecast(Instant now) {
    Instant t = clock.instant();
    if (nextFetch == null || !t.isBefore(nextFetch) || t.isBefore(lastTry)) {
      fetch(now, t); // a clock set back also fetches, rather than wait for a far nextFetch
    }
    Cached c = cache;
    String why;
    if (c == null) {
      why = "no forecast fetched yet";
    } else if (age(c, t).compareTo(settings.maxAge()) > 0) {
      why = "the forecast fetched at " + c.fetchedAt() + " is older than " + settings.maxAge();
    } else {
      try {
        WeatherForecast f = c.weather().forecast(now, step, maxSize);
        if (servingFallback) {
          LOG.info("weather forecast from " + where() + " in use again");
        }
        servingFallback = false;
        return f;
      } catch (IllegalArgumentException e) {
        why = e.getMessage();
      }
    }
    stalePeriods.incrementAndGet();
    if (!servingFallback) {
      LOG.warning("weather forecast stale (" + why + "): planning with the persistence forecast");
    }
    servingFallback = true;
    return fallback.forecast(now);
  }

  private void fetch(Instant now, Instant t) {
    lastTry = t;
    fetches.incrementAndGet();
    try {
      HourlyWeather w = OpenMeteoFormat.parse(http.get(settings.url()));
      checkPlace(w);
      if (!w.covers(now)) {
        throw new IllegalArgumentException("hourly.time: the forecast runs from " + w.start()
            + " to " + w.end() + " and does not cover " + now);
      }
      cache = new Cached(w, t);
      nextFetch = t.plus(settings.refresh());
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      lastFailure = "weather from " + where() + ": " + e.getMessage();
      LOG.log(Level.WARNING, lastFailure);
      nextFetch = t.plus(settings.retry());
    }
  }

  private void checkPlace(HourlyWeather w) {
    double lat = settings.latitude();
    double lon = settings.longitude();
    if (!Double.isNaN(lat) && (Math.abs(w.latitude() - lat) > 0.5
        || Math.abs(w.longitude() - lon) > 0.5)) {
      throw new IllegalArgumentException("latitude, longitude: the answer is for " + w.latitude()
          + " N, " + w.longitude() + " E, not the configured " + lat + " N, " + lon + " E");
    }
  }

  private static Duration age(Cached c, Instant t) {
    Duration a = Duration.between(c.fetchedAt(), t);
    return a.isNegative() ? Duration.ZERO : a;
  }

  /** The endpoint without its query, which may hold a key and is long. */
  private String where() {
    return PollSettings.redacted(settings.url());
  }

  /** What this source has done; a live view. */
  public WeatherStatus status() {
    return new WeatherStatus() {
      @Override
      public long fetches() {
        return fetches.get();
      }

      @Override
      public long failures() {
        return failures.get();
      }

      @Override
      public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
      }

      @Override
      public long stalePeriods() {
        return stalePeriods.get();
      }

      @Override
      public boolean stale() {
        Cached c = cache;
        return c == null || servingFallback
            || age(c, clock.instant()).compareTo(settings.maxAge()) > 0;
      }

      @Override
      public double ageSeconds() {
        Cached c = cache;
        return c == null ? Double.NaN : age(c, clock.instant()).toMillis() / 1000.0;
      }
    };
  }

  /** The settings it polls with. */
  public PollSettings settings() {
    return settings;
  }
}
