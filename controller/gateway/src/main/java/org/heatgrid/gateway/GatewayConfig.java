package org.heatgrid.gateway;

import java.time.Duration;
import java.util.Objects;
import org.heatgrid.wire.Topics;

/**
 * A gateway's configuration, frozen when the gateway is built. The MQTT user name is the building
 * id on a single-site broker and {@code <site>.<building>} on a fleet broker ({@link
 * org.heatgrid.wire.BrokerUsers}); the client id is {@code heatgrid-gw-<site>-<building>}.
 *
 * @param serverUri broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param topics site and building
 * @param password the building's MQTT password
 * @param telemetryPeriod telemetry period in the gateway clock's time (simulated when accelerated)
 * @param tick how often, in wall-clock time, the gateway checks validity and the telemetry period
 * @param supplyMaxC maximum supply temperature of the heating circuit, C; higher setpoints are
 *     rejected and the fallback curve is capped here
 * @param sessionExpirySeconds MQTT 5 session expiry: how long the broker keeps the session
 *     (subscription, queued QoS 1 messages) while the gateway is away
 * @param keepAliveSeconds MQTT keep-alive; the broker publishes the last will after 1.5 times this
 *     without traffic
 * @param reconnectMaxSeconds longest wait between reconnection attempts
 * @param username the MQTT user name
 */
public record GatewayConfig(
    String serverUri,
    Topics topics,
    String password,
    Duration telemetryPeriod,
    Duration tick,
    double supplyMaxC,
    long sessionExpirySeconds,
    int keepAliveSeconds,
    int reconnectMaxSeconds,
    String username) {

  public GatewayConfig {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(username, "username");
    positive("telemetryPeriod", telemetryPeriod);
    positive("tick", tick);
    if (!(supplyMaxC > 0 && supplyMaxC <= 120)) {
      throw new IllegalArgumentException("supplyMaxC must be in (0, 120] C: " + supplyMaxC);
    }
    if (sessionExpirySeconds < 0 || keepAliveSeconds < 1 || reconnectMaxSeconds < 1) {
      throw new IllegalArgumentException("sessionExpirySeconds must be >= 0, keepAliveSeconds and "
          + "reconnectMaxSeconds >= 1: " + sessionExpirySeconds + ", " + keepAliveSeconds + ", "
          + reconnectMaxSeconds);
    }
  }

  /**
   * Defaults for a building: 15-minute telemetry, 1 s tick, 80 C maximum supply, 1 h session
   * expiry, 30 s keep-alive, reconnection at most every 30 s.
   */
  public static GatewayConfig of(String serverUri, Topics topics, String password) {
    return new GatewayConfig(serverUri, topics, password, Duration.ofMinutes(15),
        Duration.ofSeconds(1), 80, 3600, 30, 30, topics.building());
  }

  public GatewayConfig withTelemetryPeriod(Duration period) {
    return new GatewayConfig(serverUri, topics, password, period, tick, supplyMaxC,
        sessionExpirySeconds, keepAliveSeconds, reconnectMaxSeconds, username);
  }

  public GatewayConfig withTick(Duration newTick) {
    return new GatewayConfig(serverUri, topics, password, telemetryPeriod, newTick, supplyMaxC,
        sessionExpirySeconds, keepAliveSeconds, reconnectMaxSeconds, username);
  }

  public GatewayConfig withSupplyMaxC(double max) {
    return new GatewayConfig(serverUri, topics, password, telemetryPeriod, tick, max,
        sessionExpirySeconds, keepAliveSeconds, reconnectMaxSeconds, username);
  }

  public GatewayConfig withKeepAliveSeconds(int seconds) {
    return new GatewayConfig(serverUri, topics, password, telemetryPeriod, tick, supplyMaxC,
        sessionExpirySeconds, seconds, reconnectMaxSeconds, username);
  }

  public GatewayConfig withReconnectMaxSeconds(int seconds) {
    return new GatewayConfig(serverUri, topics, password, telemetryPeriod, tick, supplyMaxC,
        sessionExpirySeconds, keepAliveSeconds, seconds, username);
  }

  /** The same gateway logging in as {@code user} (a fleet broker's {@code <site>.<building>}). */
  public GatewayConfig withUsername(String user) {
    return new GatewayConfig(serverUri, topics, password, telemetryPeriod, tick, supplyMaxC,
        sessionExpirySeconds, keepAliveSeconds, reconnectMaxSeconds, user);
  }

  public String clientId() {
    return "heatgrid-gw-" + topics.site() + "-" + topics.building();
  }

  @Override
  public String toString() {
    return "GatewayConfig[" + serverUri + ", " + topics + ", period " + telemetryPeriod + ", tick "
        + tick + ", supplyMax " + supplyMaxC + " C]";
  }

  private static void positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }
}
