package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.heatgrid.control.weather.PollSettings;
import org.heatgrid.control.weather.WeatherStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code heatgrid.weather.*}: read through the real {@link ControlConfig} mapping (SmallRye
 * Config, as Quarkus reads it, without starting Quarkus), checked by {@link
 * ControlService#weatherSettings}. No network.
 */
class WeatherConfigTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private static ControlConfig config(String... keyValues) {
    Map<String, String> p = new HashMap<>();
    p.put("heatgrid.mqtt.password", "pw"); // the one setting without a default
    for (int i = 0; i < keyValues.length; i += 2) {
      p.put(keyValues[i], keyValues[i + 1]);
    }
    SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(ControlConfig.class)
        .withSources(new PropertiesConfigSource(p, "test", 100)).build();
    return c.getConfigMapping(ControlConfig.class);
  }

  private static Optional<PollSettings> weather(ControlConfig c) {
    return ControlService.weatherSettings(c.weather(), SEOUL, c.time().speed());
  }

  @Test
  void default_isThePersistenceForecast_asBefore() {
    ControlConfig c = config();
    assertThat(c.weather().provider()).isEqualTo("persistence");
    assertThat(weather(c)).isEmpty();
  }

  @Test
  void openMeteo_pollsTheConfiguredPlace_atTheConfiguredIntervals() {
    PollSettings s = weather(config("heatgrid.weather.provider", "open-meteo",
        "heatgrid.weather.latitude", "36.35", "heatgrid.weather.longitude", "127.38",
        "heatgrid.weather.refresh", "PT30M", "heatgrid.weather.max-age", "PT3H",
        "heatgrid.weather.timeout", "PT5S")).orElseThrow();
    assertThat(s.url()).isEqualTo(
        PollSettings.openMeteoUrl(PollSettings.OPEN_METEO, 36.35, 127.38, SEOUL));
    assertThat(s.latitude()).isEqualTo(36.35);
    assertThat(s.refresh()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.retry()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.maxAge()).isEqualTo(Duration.ofHours(3));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void openMeteo_withAFullUrl_defaultsTheIntervals() {
    String url = "http://127.0.0.1:8099/v1/forecast?latitude=36.35&longitude=127.38"
        + "&hourly=temperature_2m,shortwave_radiation&apikey=K";
    PollSettings s = weather(config("heatgrid.weather.provider", "Open-Meteo",
        "heatgrid.weather.url", url)).orElseThrow();
    assertThat(s.url()).hasToString(url);
    assertThat(s.latitude()).isNaN();
    assertThat(s.refresh()).isEqualTo(Duration.ofHours(1));
    assertThat(s.maxAge()).isEqualTo(Duration.ofHours(6));
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  static Stream<Arguments> bad() {
    String om = "open-meteo";
    return Stream.of(
        Arguments.of(new String[] {"heatgrid.weather.provider", "kma"},
            "heatgrid.weather.provider: unknown provider 'kma' (known: persistence, open-meteo)"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.latitude", "95", "heatgrid.weather.longitude", "127.38"},
            "heatgrid.weather.latitude: 95.0 is outside -90..90"),
        Arguments.of(new String[] {"heatgrid.weather.latitude", "-91"},
            "heatgrid.weather.latitude: -91.0 is outside -90..90"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.latitude", "36.35", "heatgrid.weather.longitude", "200"},
            "heatgrid.weather.longitude: 200.0 is outside -180..180"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om},
            "heatgrid.weather.latitude: missing: provider open-meteo needs"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.latitude", "36.35"},
            "heatgrid.weather.longitude: missing; give both or neither"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.url", "ftp://example.org/forecast"},
            "heatgrid.weather.url: not an http(s) URL with a host"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.url", "http://exa mple.org/"},
            "heatgrid.weather.url: not a URL: Illegal character in authority"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.latitude", "36.35", "heatgrid.weather.longitude", "127.38",
            "heatgrid.weather.max-age", "PT30M"},
            "heatgrid.weather.max-age: PT30M is shorter than heatgrid.weather.refresh PT1H"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.latitude", "36.35", "heatgrid.weather.longitude", "127.38",
            "heatgrid.weather.refresh", "PT0S"},
            "heatgrid.weather.refresh: PT0S is not positive"),
        Arguments.of(new String[] {"heatgrid.weather.provider", om,
            "heatgrid.weather.latitude", "36.35", "heatgrid.weather.longitude", "127.38",
            "heatgrid.time.speed", "900"},
            "heatgrid.weather.provider: open-meteo needs real time"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("bad")
  void badSettings_areRefused_namingTheProperty(String[] settings, String message) {
    ControlConfig c = config(settings);
    assertThatThrownBy(() -> weather(c)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aLatitudeThatIsNoNumber_isRefusedByTheMapping_namingTheProperty() {
    assertThatThrownBy(() -> config("heatgrid.weather.latitude", "north"))
        .hasMessageContaining("heatgrid.weather.latitude");
  }

  @Test
  void badSettings_stopTheServiceBeforeItStartsAnything() {
    ControlConfig c = config("heatgrid.weather.provider", "kma", "heatgrid.loop.autostart",
        "false", "heatgrid.influx.enabled", "false");
    assertThatThrownBy(() -> new ControlService(c, new DefaultRuntimeHooks()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("heatgrid.weather.provider: unknown provider 'kma'");
  }

  @Test
  void openMeteo_isWiredIntoTheRuntime_andItsFailuresPublishedAsMetrics() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort(); // closed again: nothing answers there
    }
    ControlConfig c = config("heatgrid.weather.provider", "open-meteo",
        "heatgrid.weather.url", "http://127.0.0.1:" + port + "/v1/forecast",
        "heatgrid.weather.timeout", "PT2S", "heatgrid.loop.autostart", "false",
        "heatgrid.influx.enabled", "false", "heatgrid.operator.restore", "false",
        "heatgrid.data-dir", Files.createTempDirectory("weather-config").toString(),
        "heatgrid.site.buildings", "B01");
    ControlService service = new ControlService(c, new DefaultRuntimeHooks());
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new ServiceMetrics(registry, service);
      assertThat(registry.get("heatgrid.weather.stale").gauge().value()).isEqualTo(1);
      assertThat(registry.get("heatgrid.weather.age").gauge().value()).isNaN();

      service.runtime().loop().runOnce(Instant.now()); // no broker, no weather: it runs anyway
      WeatherStatus w = service.runtime().weatherStatus().orElseThrow();
      assertThat(w.lastFailure().orElseThrow()).startsWith(
          "weather from http://127.0.0.1:" + port + "/v1/forecast: ");
      assertThat(registry.get("heatgrid.weather.fetches").functionCounter().count()).isEqualTo(1);
      assertThat(registry.get("heatgrid.weather.fetch.failures").functionCounter().count())
          .isEqualTo(1);
      assertThat(registry.get("heatgrid.weather.stale.periods").functionCounter().count())
          .isEqualTo(1);
      assertThat(service.runtime().loop().counters().periods()).isEqualTo(1);
    } finally {
      service.stop();
    }
  }

  @Test
  void persistence_publishesNoWeatherMetrics() throws IOException {
    ControlConfig c = config("heatgrid.loop.autostart", "false", "heatgrid.influx.enabled", "false",
        "heatgrid.operator.restore", "false",
        "heatgrid.data-dir", Files.createTempDirectory("weather-config").toString());
    ControlService service = new ControlService(c, new DefaultRuntimeHooks());
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new ServiceMetrics(registry, service);
      assertThat(service.runtime().weatherStatus()).isEmpty();
      assertThat(registry.find("heatgrid.weather.stale").gauge()).isNull();
    } finally {
      service.stop();
    }
  }
}
