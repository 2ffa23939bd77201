package org.heatgrid.control.service.adapter;

import java.util.Objects;

/**
 * How the service reaches the broker.
 *
 * @param serverUri e.g. {@code tcp://127.0.0.1:1883}
 * @param username the controller's MQTT user ({@code controller} in the contract's ACL)
 * @param password its password
 * @param clientId MQTT client id; one connection per id
 * @param reconnectMaxSeconds longest wait between reconnection attempts
 */
public record MqttSettings(String serverUri, String username, String password, String clientId,
    int reconnectMaxSeconds) {

  public MqttSettings {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clientId, "clientId");
    if (reconnectMaxSeconds < 1) {
      throw new IllegalArgumentException("reconnectMaxSeconds must be >= 1: " + reconnectMaxSeconds);
    }
  }
}
