package org.heatgrid.wire.paho;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;

/**
 * How a controller publishes a setpoint: retained, QoS 1, with an MQTT 5 message expiry so that
 * the broker drops a retained setpoint once it is no longer valid and a gateway that connects
 * late never sees it.
 */
public final class SetpointPublisher {

  private SetpointPublisher() {}

  /**
   * The message expiry interval, wall-clock seconds: the setpoint's remaining validity divided by
   * how much faster than real time the controller's clock runs, rounded up, at least 1; plus one
   * second when time runs accelerated: brokers count expiry in whole seconds (Mosquitto drops a
   * message once the second it expires in has begun), so a 1 s expiry can last only a few
   * milliseconds (see docs/decisions/0015-mqtt-expiry-rounding.md). In real time the second is
   * immaterial and left out.
   *
   * @param now the controller's clock
   * @param validUntil the setpoint's valid_until, in the same time base
   * @param timeScale simulated seconds per wall-clock second; 1 in real operation
   * @throws IllegalArgumentException when the setpoint has already expired or the scale is not positive
   */
  public static long expirySeconds(Instant now, Instant validUntil, double timeScale) {
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("timeScale must be a positive number: " + timeScale);
    }
    Duration left = Duration.between(now, validUntil);
    if (left.isNegative() || left.isZero()) {
      throw new IllegalArgumentException("setpoint already expired: valid_until " + validUntil
          + " <= now " + now);
    }
    double seconds = (left.getSeconds() + left.getNano() / 1e9) / timeScale;
    long expiry = Math.max(1, (long) Math.ceil(seconds));
    return timeScale > 1 ? expiry + 1 : expiry;
  }

  /** The MQTT message for an encoded setpoint: retained, QoS 1, message expiry as given. */
  public static MqttMessage message(byte[] payload, long expirySeconds) {
    if (expirySeconds < 1) {
      throw new IllegalArgumentException("message expiry must be >= 1 s: " + expirySeconds);
    }
    MqttProperties props = new MqttProperties();
    props.setMessageExpiryInterval(expirySeconds);
    props.setContentType("application/json");
    return new MqttMessage(payload, 1, true, props);
  }

  /** Encodes a setpoint and wraps it for the broker; real time ({@code timeScale} 1). */
  public static MqttMessage message(PayloadCodec codec, SetpointMessage setpoint, Instant now) {
    return message(codec.encode(setpoint), expirySeconds(now, setpoint.validUntil(), 1));
  }
}
