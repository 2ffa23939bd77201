package org.heatgrid.control.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatgrid.control.weather.Fixtures.HORIZON;
import static org.heatgrid.control.weather.Fixtures.NOW;
import static org.heatgrid.control.weather.Fixtures.STEP;
import static org.heatgrid.control.weather.Fixtures.daejeon;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.loop.PersistenceWeather;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.time.ManualClock;
import org.heatgrid.weather.WeatherForecast;
import org.heatgrid.wire.TelemetryMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PolledWeather} against the recorded Daejeon answer served from 127.0.0.1; time moves
 * only by {@link ManualClock}, no sleeps.
 */
class PolledWeatherTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final double OBSERVED_C = -7;

  private final ManualClock clock = new ManualClock(NOW);
  private final TelemetryInbox inbox = new TelemetryInbox(Set.of("B01"));
  private final PersistenceWeather persistence = new PersistenceWeather(inbox, STEP, HORIZON);
  private FakeOpenMeteo server;

  @BeforeEach
  void start() {
    server = new FakeOpenMeteo(daejeon());
    // The gateway's outdoor reading: what the persistence fallback holds flat.
    inbox.offer(new TelemetryMessage(1, NOW.minus(STEP), NOW, new Telemetry("B01", 100, 110, 60,
        2, 50, 40, 8, new double[] {21}, OBSERVED_C, false)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PollSettings daejeonSettings() {
    return PollSettings.openMeteo(server.base(), 36.35, 127.38, SEOUL);
  }

  private PolledWeather weather(PollSettings s) {
    return new PolledWeather(s, STEP, HORIZON, clock, persistence);
  }

  /** Moves the clock on and asks, as the loop does each period. */
  private WeatherForecast after(PolledWeather w, Duration d) {
    clock.advance(d);
    return w.forecast(clock.instant());
  }

  private static WeatherForecast recorded(Instant now) {
    return OpenMeteoFormat.forecast(daejeon(), now, STEP, 97);
  }

  private WeatherForecast fallback() {
    return persistence.forecast(clock.instant());
  }

  @Test
  void fetchesOncePerRefresh_andServesTheCacheShiftedToNow() {
    PolledWeather w = weather(daejeonSettings());
    assertThat(w.forecast(NOW)).isEqualTo(recorded(NOW));
    for (int i = 0; i < 3; i++) {
      assertThat(after(w, STEP)).isEqualTo(recorded(clock.instant()));
    }
    assertThat(server.requests).hasSize(1);
    assertThat(w.status().ageSeconds()).isEqualTo(2700);
    assertThat(after(w, STEP)).isEqualTo(recorded(clock.instant())); // an hour on
    assertThat(server.requests).hasSize(2);
    WeatherStatus s = w.status();
    assertThat(s.fetches()).isEqualTo(2);
    assertThat(s.failures()).isZero();
    assertThat(s.lastFailure()).isEmpty();
    assertThat(s.stalePeriods()).isZero();
    assertThat(s.stale()).isFalse();
    assertThat(s.ageSeconds()).isZero();
  }

  @Test
  void asksOpenMeteoForThePlace_inUnixSeconds() {
    weather(daejeonSettings()).forecast(NOW);
    URI asked = server.requests.get(0);
    assertThat(asked.getPath()).isEqualTo("/v1/forecast");
    assertThat(asked.getRawQuery()).isEqualTo("latitude=36.35&longitude=127.38"
        + "&hourly=temperature_2m,shortwave_radiation&timezone=Asia%2FSeoul"
        + "&timeformat=unixtime&forecast_days=3");
  }

  @Test
  void failedFetch_keepsServingTheCache_countsTheReason_andRetriesSooner() {
    PolledWeather w = weather(daejeonSettings());
    w.forecast(NOW);
    server.status = 503;
    server.body = "{\"error\":true,\"reason\":\"busy\"}";
    assertThat(after(w, Duration.ofHours(1))).isEqualTo(recorded(clock.instant()));
    WeatherStatus s = w.status();
    assertThat(s.fetches()).isEqualTo(2);
    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.lastFailure().orElseThrow())
        .startsWith("weather from " + server.base() + ": HTTP 503: ")
        .contains("busy")
        .doesNotContain("latitude="); // the query may hold a key: never logged
    assertThat(s.stale()).isFalse();
    assertThat(s.ageSeconds()).isEqualTo(3600);

    after(w, Duration.ofMinutes(5));
    assertThat(server.requests).hasSize(2); // the retry waits 10 min, not a whole refresh
    after(w, Duration.ofMinutes(5));
    assertThat(server.requests).hasSize(3);
    server.status = 200;
    server.body = daejeon();
    assertThat(after(w, Duration.ofMinutes(10))).isEqualTo(recorded(clock.instant()));
    assertThat(w.status().failures()).isEqualTo(2);
    assertThat(w.status().ageSeconds()).isZero();
  }

  @Test
  void cacheOlderThanMaxAge_givesThePersistenceFallback_countedAsStale() {
    PolledWeather w = weather(daejeonSettings());
    w.forecast(NOW);
    server.status = 500;
    server.body = "oops";
    for (int i = 0; i < 24; i++) { // six hours: the cache is still young enough
      assertThat(after(w, STEP)).isEqualTo(recorded(clock.instant()));
    }
    assertThat(w.status().stale()).isFalse();

    WeatherForecast f = after(w, STEP);
    assertThat(f).isEqualTo(fallback());
    assertThat(f.outdoorC(0)).isEqualTo(OBSERVED_C);
    assertThat(f.outdoorC(96)).isEqualTo(OBSERVED_C);
    WeatherStatus s = w.status();
    assertThat(s.stale()).isTrue();
    assertThat(s.stalePeriods()).isEqualTo(1);
    assertThat(s.ageSeconds()).isEqualTo(6.25 * 3600);
    assertThat(s.fetches()).isEqualTo(23); // one good, then every 15 min from the first hour on
    assertThat(s.failures()).isEqualTo(22);

    server.status = 200;
    server.body = daejeon();
    assertThat(after(w, STEP)).isEqualTo(recorded(clock.instant()));
    assertThat(w.status().stale()).isFalse();
    assertThat(w.status().stalePeriods()).isEqualTo(1);
  }

  @Test
  void noAnswerAtAll_givesThePersistenceFallback() {
    PolledWeather w = weather(daejeonSettings());
    server.close(); // nothing listens on the port any more
    assertThat(w.forecast(NOW)).isEqualTo(fallback());
    WeatherStatus s = w.status();
    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.lastFailure().orElseThrow()).contains("ConnectException: ");
    assertThat(s.stale()).isTrue();
    assertThat(s.stalePeriods()).isEqualTo(1);
    assertThat(s.ageSeconds()).isNaN();
  }

  static Stream<Arguments> badAnswers() {
    return Stream.of(
        Arguments.of("<html>502 Bad Gateway</html>", "(document): not JSON"),
        Arguments.of(Fixtures.daejeon(r -> Fixtures.set(r, "temperature_2m", 17, null)),
            "hourly.temperature_2m[17]: null"),
        Arguments.of(Fixtures.daejeon(r -> Fixtures.hourly(r).remove("time")),
            "hourly.time: missing"),
        Arguments.of(Fixtures.daejeon(r -> Fixtures.set(r, "shortwave_radiation", 12, 2000)),
            "hourly.shortwave_radiation[12]: 2000.0 is outside"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badAnswers")
  void badAnswer_isCountedWithTheField_andNeverThrown(String body, String field) {
    server.body = body;
    PolledWeather w = weather(daejeonSettings());
    assertThat(w.forecast(NOW)).isEqualTo(fallback());
    assertThat(w.status().failures()).isEqualTo(1);
    assertThat(w.status().lastFailure().orElseThrow())
        .startsWith("weather from " + server.base() + ": " + field);
  }

  @Test
  void answerForAnotherPlace_isRefused() {
    PolledWeather w = weather(PollSettings.openMeteo(server.base(), 35.18, 129.08, SEOUL));
    assertThat(w.forecast(NOW)).isEqualTo(fallback());
    assertThat(w.status().lastFailure().orElseThrow()).endsWith(
        "latitude, longitude: the answer is for 36.375 N, 127.375 E, not the configured "
            + "35.18 N, 129.08 E");
  }

  @Test
  void answerThatDoesNotCoverNow_isRefused() {
    clock.advance(Duration.ofDays(5));
    PolledWeather w = weather(daejeonSettings());
    assertThat(w.forecast(clock.instant())).isEqualTo(fallback());
    assertThat(w.status().lastFailure().orElseThrow())
        .contains("hourly.time: the forecast runs from 2026-01-04T15:00:00Z to "
            + "2026-01-06T14:00:00Z and does not cover 2026-01-10T00:00:00Z");
  }

  @Test
  void slowServer_holdsTheLoopNoLongerThanTheTimeout() {
    server.hold = new CountDownLatch(1);
    PolledWeather w = weather(daejeonSettings().withIntervals(PollSettings.REFRESH,
        PollSettings.MAX_AGE, Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    assertThat(w.forecast(NOW)).isEqualTo(fallback());
    double seconds = (System.nanoTime() - t0) / 1e9;
    server.hold.countDown();
    assertThat(seconds).isBetween(0.25, 5.0);
    assertThat(w.status().lastFailure().orElseThrow()).endsWith("no complete answer within PT0.3S");
  }

  @Test
  void oversizedAnswer_isRefused() {
    server.body = " ".repeat(HttpText.MAX_BYTES) + daejeon();
    PolledWeather w = weather(daejeonSettings());
    assertThat(w.forecast(NOW)).isEqualTo(fallback());
    assertThat(w.status().lastFailure().orElseThrow()).contains("answer larger than 2097152 bytes");
  }

  @Test
  void clockSetBack_fetchesAgain() {
    PolledWeather w = weather(daejeonSettings());
    w.forecast(NOW);
    after(w, Duration.ofMinutes(-30));
    assertThat(server.requests).hasSize(2);
    assertThat(w.status().ageSeconds()).isZero();
  }
}
