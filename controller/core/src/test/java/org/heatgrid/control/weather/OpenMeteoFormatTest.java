package org.heatgrid.control.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.heatgrid.control.weather.Fixtures.HORIZON;
import static org.heatgrid.control.weather.Fixtures.NOW;
import static org.heatgrid.control.weather.Fixtures.STEP;
import static org.heatgrid.control.weather.Fixtures.daejeon;
import static org.heatgrid.control.weather.Fixtures.hourly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.heatgrid.weather.WeatherForecast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenMeteoFormatTest {

  private static final int SIZE = 97; // 24 h in 15-minute steps, both ends

  @Test
  void parse_readsLocalTimesWithTheResponsesOffset() {
    HourlyWeather w = OpenMeteoFormat.parse(daejeon());
    assertThat(w.size()).isEqualTo(48);
    assertThat(w.start()).isEqualTo(Instant.parse("2026-01-04T15:00:00Z")); // 00:00 KST
    assertThat(w.end()).isEqualTo(Instant.parse("2026-01-06T14:00:00Z"));
    assertThat(w.latitude()).isEqualTo(36.375);
    assertThat(w.longitude()).isEqualTo(127.375);
  }

  @Test
  void forecast_interpolatesTheTemperatureLinearlyOnQuarterHours() {
    WeatherForecast f = OpenMeteoFormat.forecast(daejeon(), NOW, STEP, SIZE);
    assertThat(f.issuedAt()).isEqualTo(NOW);
    assertThat(f.step()).isEqualTo(STEP);
    assertThat(f.size()).isEqualTo(SIZE);
    // 09:00 KST -3.9 C, 10:00 KST -2.4 C
    assertThat(f.outdoorC(0)).isCloseTo(-3.9, within(1e-9));
    assertThat(f.outdoorC(1)).isCloseTo(-3.525, within(1e-9));
    assertThat(f.outdoorC(2)).isCloseTo(-3.15, within(1e-9));
    assertThat(f.outdoorC(3)).isCloseTo(-2.775, within(1e-9));
    assertThat(f.outdoorC(4)).isCloseTo(-2.4, within(1e-9));
    // 15:00 KST is the day's high, 1.7 C; 24 h on, 09:00 KST of the second day, -3.7 C
    assertThat(f.outdoorC(24)).isCloseTo(1.7, within(1e-9));
    assertThat(f.outdoorC(96)).isCloseTo(-3.7, within(1e-9));
  }

  @Test
  void forecast_placesEachHourMeanOfIrradianceAtTheMiddleOfItsHour() {
    WeatherForecast f = OpenMeteoFormat.forecast(daejeon(), NOW, STEP, SIZE);
    // Stamped 09:00 KST: 98 W/m2, the mean of 08:00-09:00, placed at 08:30; 10:00: 231 at 09:30;
    // 11:00: 347 at 10:30. Step 09:00-09:15 is the line at 09:07:30, and so on.
    assertThat(f.ghiWm2(0)).isCloseTo(98 + 0.625 * (231 - 98), within(1e-9));
    assertThat(f.ghiWm2(1)).isCloseTo(98 + 0.875 * (231 - 98), within(1e-9));
    assertThat(f.ghiWm2(2)).isCloseTo(231 + 0.125 * (347 - 231), within(1e-9));
    assertThat(f.ghiWm2(3)).isCloseTo(231 + 0.375 * (347 - 231), within(1e-9));
    // Night: nothing from 19:00 KST until 06:30 KST, where the line starts towards the 6 W/m2 of
    // 07:00-08:00 (a little light before sunrise, the price of a line through the hour means).
    for (int k = 40; k < 86; k++) {
      assertThat(f.ghiWm2(k)).as("step %d", k).isZero();
    }
    assertThat(f.ghiWm2(86)).isCloseTo(0.125 * 6, within(1e-9));
    // The day's energy is kept within 1 %: hourly means 12 + 98 + ... + 4 = 2605 Wh/m2.
    WeatherForecast day = OpenMeteoFormat.forecast(daejeon(), Instant.parse("2026-01-04T15:00:00Z"),
        STEP, SIZE);
    double wh = 0;
    for (int k = 0; k < 96; k++) {
      wh += day.ghiWm2(k) * 0.25;
    }
    assertThat(wh).isCloseTo(2605, within(26.0));
  }

  @Test
  void forecast_startsAtAnyInstant_andEndsWhereTheAnswerEnds() {
    Instant now = NOW.plusSeconds(7 * 60);
    WeatherForecast f = OpenMeteoFormat.forecast(daejeon(), now, STEP, SIZE);
    assertThat(f.issuedAt()).isEqualTo(now);
    assertThat(f.outdoorC(0)).isCloseTo(-3.9 + 7.0 / 60 * 1.5, within(1e-9));

    Instant late = Instant.parse("2026-01-06T13:00:00Z"); // an hour before the last value
    WeatherForecast end = OpenMeteoFormat.forecast(daejeon(), late, STEP, SIZE);
    assertThat(end.size()).isEqualTo(5);
    assertThat(end.outdoorC(4)).isCloseTo(-2.8, within(1e-9));
  }

  @Test
  void parse_readsUnixSecondsToo() {
    String unix = daejeon(root -> {
      ArrayNode times = hourly(root).putArray("time");
      for (int h = 0; h < 48; h++) {
        times.add(LocalDateTime.parse("2026-01-05T00:00").plusHours(h).toEpochSecond(
            ZoneOffset.ofHours(9)));
      }
      ((ObjectNode) root.get("hourly_units")).put("time", "unixtime");
      root.remove("utc_offset_seconds"); // not needed for unix seconds
    });
    assertThat(OpenMeteoFormat.forecast(unix, NOW, STEP, SIZE))
        .isEqualTo(OpenMeteoFormat.forecast(daejeon(), NOW, STEP, SIZE));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("an HTML error page", "<html>502 Bad Gateway</html>", "(document): not JSON"),
        Arguments.of("nothing", "", "(document): empty"),
        Arguments.of("an array", "[]", "(document): expected a JSON object, got array"),
        Arguments.of("Open-Meteo's error body",
            "{\"error\":true,"
                + "\"reason\":\"Latitude must be in range of -90 to 90°. Given: 95.0.\"}",
            "error: Open-Meteo refused the request: Latitude must be in range"),
        Arguments.of("no hourly", daejeon(r -> r.remove("hourly")), "hourly: missing"),
        Arguments.of("no irradiance", daejeon(r -> hourly(r).remove("shortwave_radiation")),
            "hourly.shortwave_radiation: missing"),
        Arguments.of("hourly not an object", daejeon(r -> r.put("hourly", 3)),
            "hourly: expected an object, got number"),
        Arguments.of("arrays of different lengths",
            daejeon(r -> ((ArrayNode) hourly(r).get("temperature_2m")).remove(47)),
            "hourly.temperature_2m: 47 values but hourly.time has 48"),
        Arguments.of("times out of order", with("time", 11, "2026-01-05T10:00"),
            "hourly.time[11]: 2026-01-05T01:00:00Z is not after hourly.time[10]"),
        Arguments.of("a missing hour", with("time", 20, "2026-01-05T21:00"),
            "hourly.time[20]: 2026-01-05T12:00:00Z is 7200 s after"),
        Arguments.of("a time that is no time", with("time", 3, "yesterday"),
            "hourly.time[3]: 'yesterday' is not an ISO local date-time"),
        Arguments.of("local times without offset", daejeon(r -> r.remove("utc_offset_seconds")),
            "utc_offset_seconds: missing"),
        Arguments.of("a null temperature", with("temperature_2m", 17, null),
            "hourly.temperature_2m[17]: null, no value (at 2026-01-05T08:00:00Z)"),
        Arguments.of("a null irradiance", with("shortwave_radiation", 40, null),
            "hourly.shortwave_radiation[40]: null"),
        Arguments.of("a temperature out of range", with("temperature_2m", 5, 75.0),
            "hourly.temperature_2m[5]: 75.0 is outside -60.0..60.0"),
        Arguments.of("irradiance above 1500", with("shortwave_radiation", 12, 1600),
            "hourly.shortwave_radiation[12]: 1600.0 is outside 0.0..1500.0"),
        Arguments.of("negative irradiance", with("shortwave_radiation", 2, -1),
            "hourly.shortwave_radiation[2]: -1.0 is outside 0.0..1500.0"),
        Arguments.of("a value as text", with("shortwave_radiation", 9, "98"),
            "hourly.shortwave_radiation[9]: expected a number, got string"),
        Arguments.of("Fahrenheit", daejeon(r -> ((ObjectNode) r.get("hourly_units"))
            .put("temperature_2m", "°F")), "hourly_units.temperature_2m: '°F', expected '°C'"),
        Arguments.of("no latitude", daejeon(r -> r.remove("latitude")), "latitude: missing"),
        Arguments.of("a duplicate key", "{\"latitude\":1,\"latitude\":2}", "(document): not JSON"));
  }

  /** The Daejeon answer with {@code hourly.field[i]} set to {@code value}. */
  private static String with(String field, int i, Object value) {
    return daejeon(r -> Fixtures.set(r, field, i, value));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void parse_refusesBadInput_namingTheFieldAndTheReason(String what, String json, String message) {
    assertThatThrownBy(() -> OpenMeteoFormat.forecast(json, NOW, STEP, SIZE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message.substring(0, message.indexOf(':') + 1))
        .hasMessageContaining(message);
  }

  @Test
  void forecast_refusesAnAnswerThatDoesNotCoverNow() {
    for (Instant now : new Instant[] {Instant.parse("2026-01-04T14:59:00Z"),
        Instant.parse("2026-01-06T14:00:01Z")}) {
      assertThatThrownBy(() -> OpenMeteoFormat.forecast(daejeon(), now, STEP, SIZE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("hourly.time: the forecast runs from 2026-01-04T15:00:00Z to "
              + "2026-01-06T14:00:00Z and does not cover " + now);
    }
  }

  @Test
  void forecast_holdsTheHorizonAsked() {
    assertThat(OpenMeteoFormat.forecast(daejeon(), NOW, Duration.ofHours(1), 3).size())
        .isEqualTo(3);
    assertThat(HORIZON.dividedBy(STEP) + 1).isEqualTo(SIZE);
  }
}
