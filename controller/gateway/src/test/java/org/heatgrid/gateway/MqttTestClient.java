package org.heatgrid.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.heatgrid.wire.paho.NoDelaySocketFactory;

/** A plain Paho MQTT 5 client that records everything it receives (the controller's side, or a rogue gateway). */
final class MqttTestClient implements AutoCloseable {

  /** A received message with the wall-clock time of arrival. */
  record Received(String topic, byte[] payload, boolean retained, Long expirySeconds, long nanos) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final MqttAsyncClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private MqttTestClient(MqttAsyncClient client) {
    this.client = client;
  }

  static MqttTestClient connect(MosquittoBroker broker, String user, String clientId)
      throws MqttException {
    return connect(broker.uri(), user, broker.password(user), clientId);
  }

  static MqttTestClient connect(String uri, String user, String password, String clientId)
      throws MqttException {
    MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    MqttTestClient t = new MqttTestClient(c);
    c.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
      @Override
      public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

      @Override
      public void mqttErrorOccurred(MqttException e) {}

      @Override
      public void messageArrived(String topic, MqttMessage m) {
        t.received.add(new Received(topic, m.getPayload(), m.isRetained(),
            m.getProperties() == null ? null : m.getProperties().getMessageExpiryInterval(),
            System.nanoTime()));
      }

      @Override
      public void deliveryComplete(IMqttToken token) {}

      @Override
      public void connectComplete(boolean reconnect, String serverUri) {}

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    });
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(user);
    o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    o.setCleanStart(true);
    o.setConnectionTimeout(10);
    o.setSocketFactory(new NoDelaySocketFactory());
    c.connect(o).waitForCompletion(10_000);
    return t;
  }

  /** Subscribes at QoS 1 and returns the broker's reason code (0x80 and above: refused). */
  int subscribe(String filter) throws MqttException {
    IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
    token.waitForCompletion(10_000);
    return token.getReasonCodes()[0];
  }

  /** Publishes and waits for the PUBACK; returns its reason code (0x87: not authorized). */
  int publish(String topic, MqttMessage message) throws MqttException {
    IMqttToken token = client.publish(topic, message);
    token.waitForCompletion(10_000);
    int[] codes = token.getReasonCodes();
    return codes == null || codes.length == 0 ? 0 : codes[0];
  }

  /**
   * Publishes without waiting for the PUBACK (Paho refuses beyond the broker's receive maximum).
   * Paho completes a token before it frees the in-flight slot, so a publish right after the
   * previous round's tokens completed can still be refused (32202): it is tried again for up to
   * a second.
   */
  IMqttToken publishAsync(String topic, MqttMessage message) throws MqttException {
    long end = System.nanoTime() + 1_000_000_000L;
    while (true) {
      try {
        return client.publish(topic, message);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
            || System.nanoTime() > end) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  int publish(String topic, byte[] payload, boolean retained) throws MqttException {
    return publish(topic, new MqttMessage(payload, 1, retained, new MqttProperties()));
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** How many messages arrived so far (cheaper than {@link #received()} in a polling loop). */
  int receivedCount() {
    return received.size();
  }

  List<Received> received(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  /** Waits (10 s at most) for a message on a topic that matches, and returns it. */
  Received awaitMessage(String topic, Predicate<Received> match) {
    return awaitMessage(topic, match, Duration.ofSeconds(10));
  }

  Received awaitMessage(String topic, Predicate<Received> match, Duration atMost) {
    Predicate<Received> onTopic = r -> r.topic().equals(topic) && match.test(r);
    org.awaitility.Awaitility.await("message on " + topic).atMost(atMost).pollInterval(Duration.ofMillis(5))
        .until(() -> received.stream().anyMatch(onTopic));
    return received.stream().filter(onTopic).findFirst().orElseThrow();
  }

  void clear() {
    received.clear();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(5000);
    }
    client.close(true);
  }
}
