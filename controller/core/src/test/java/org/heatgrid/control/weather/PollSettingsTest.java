package org.heatgrid.control.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

  private static final URI URL = URI.create("https://example.org/v1/forecast");
  private static final Duration H = Duration.ofHours(1);

  @Test
  void openMeteo_asksForHourlyTemperatureAndIrradiance() {
    PollSettings s = PollSettings.openMeteo(PollSettings.OPEN_METEO, 36.35, 127.38,
        ZoneId.of("Asia/Seoul"));
    assertThat(s.url()).hasToString("https://api.open-meteo.com/v1/forecast?latitude=36.35"
        + "&longitude=127.38&hourly=temperature_2m,shortwave_radiation&timezone=Asia%2FSeoul"
        + "&timeformat=unixtime&forecast_days=3");
    assertThat(s.refresh()).isEqualTo(Duration.ofHours(1));
    assertThat(s.maxAge()).isEqualTo(Duration.ofHours(6));
    assertThat(s.retry()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.withIntervals(Duration.ofMinutes(5), H, Duration.ofSeconds(1)).retry())
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void refusesBadSettings_namingTheSetting() {
    assertThatThrownBy(() -> PollSettings.url(URI.create("ftp://user:pw@example.org/x?apikey=K")))
        .hasMessage("url: 'ftp://example.org/x' is not an http(s) URL"); // no password, no key
    assertThatThrownBy(() -> new PollSettings(URL, 95, 127, H, H, H, H))
        .hasMessage("latitude: 95.0 is outside -90..90");
    assertThatThrownBy(() -> new PollSettings(URL, 36, 181, H, H, H, H))
        .hasMessage("longitude: 181.0 is outside -180..180");
    assertThatThrownBy(() -> new PollSettings(URL, 36, Double.NaN, H, H, H, H))
        .hasMessage("latitude, longitude: give both or neither");
    assertThatThrownBy(() -> new PollSettings(URL, 36, 127, Duration.ZERO, H, H, H))
        .hasMessage("refresh: PT0S is not positive");
    assertThatThrownBy(() -> new PollSettings(URL, 36, 127, H, H, Duration.ofMinutes(30), H))
        .hasMessageStartingWith("maxAge: PT30M is shorter than refresh PT1H");
    assertThatThrownBy(() -> new PollSettings(URL, 36, 127, H, H, H, Duration.ofHours(2)))
        .hasMessage("timeout: PT2H is longer than refresh PT1H");
  }
}
