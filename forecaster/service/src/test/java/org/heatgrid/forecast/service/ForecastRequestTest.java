package org.heatgrid.forecast.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Parsing of the request parameters, without the service. */
class ForecastRequestTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  @Test
  void timesWithOffsetOrLocalToTheZone() {
    Instant t = Instant.parse("2024-04-14T15:00:00Z");
    assertThat(ForecastRequest.parseTime("2024-04-15T00:00+09:00", SEOUL)).isEqualTo(t);
    assertThat(ForecastRequest.parseTime("2024-04-14T15:00Z", SEOUL)).isEqualTo(t);
    assertThat(ForecastRequest.parseTime(" 2024-04-15T00:00 ", SEOUL)).isEqualTo(t);
  }

  @Test
  void badTimesNameTheField() {
    for (String s : new String[] {null, "", "2024-04-15", "noon"}) {
      assertThatThrownBy(() -> ForecastRequest.parseTime(s, SEOUL))
          .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }
  }

  @Test
  void hoursDefaultAndRange() {
    assertThat(ForecastRequest.parseHours(null, 24, 48)).isEqualTo(24);
    assertThat(ForecastRequest.parseHours(" 48", 24, 48)).isEqualTo(48);
    for (String s : new String[] {"0", "49", "x", "2147483648"}) {
      assertThatThrownBy(() -> ForecastRequest.parseHours(s, 24, 48))
          .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.field()).isEqualTo("hours"));
    }
  }
}
