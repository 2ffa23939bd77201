package org.heatgrid.wire.paho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

class SetpointPublisherTest {

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void expirySeconds_isRemainingValidityInWallClockSeconds() {
    assertThat(SetpointPublisher.expirySeconds(T0, T0.plusSeconds(900), 1)).isEqualTo(900);
    // Accelerated: one more second, as brokers count expiry in whole seconds.
    assertThat(SetpointPublisher.expirySeconds(T0, T0.plusSeconds(900), 60)).isEqualTo(16);
    assertThat(SetpointPublisher.expirySeconds(T0, T0.plusSeconds(900), 7)).isEqualTo(130); // rounded up
    assertThat(SetpointPublisher.expirySeconds(T0, T0.plusSeconds(1800), 2880)).isEqualTo(2);
    assertThat(SetpointPublisher.expirySeconds(T0, T0.plusMillis(10), 1)).isEqualTo(1);
  }

  @Test
  void expirySeconds_refusesExpiredSetpointAndBadScale() {
    assertThatThrownBy(() -> SetpointPublisher.expirySeconds(T0, T0, 1))
        .hasMessageContaining("already expired");
    assertThatThrownBy(() -> SetpointPublisher.expirySeconds(T0, T0.plusSeconds(1), 0))
        .hasMessageContaining("timeScale must be a positive number: 0.0");
  }

  @Test
  void message_isRetainedQos1WithExpiry() {
    MqttMessage m = SetpointPublisher.message(new byte[] {'{', '}'}, 120);
    assertThat(m.isRetained()).isTrue();
    assertThat(m.getQos()).isEqualTo(1);
    assertThat(m.getProperties().getMessageExpiryInterval()).isEqualTo(120L);
  }
}
