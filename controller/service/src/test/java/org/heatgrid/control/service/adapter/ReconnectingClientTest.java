package org.heatgrid.control.service.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.heatgrid.gateway.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real Mosquitto that goes away and comes back. */
class ReconnectingClientTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final String A = "heatgrid/v1/campus16/B01/setpoint";
  private static final String B = "heatgrid/v1/campus16/B02/setpoint";

  @Test
  void whileTheBrokerIsDown_onlyTheNewestMessagePerTopicIsSentOnReconnection() throws Exception {
    MqttSettings s = new MqttSettings(BROKER.uri(), "controller", BROKER.password("controller"),
        "reconnecting-client-test", 1);
    try (ReconnectingClient c = new ReconnectingClient(s, new MqttSubscription[0], (t, m) -> {})) {
      c.start();
      await().atMost(Duration.ofSeconds(10)).until(c::isConnected);
      c.publish(A, retained("a0"));

      BROKER.stop(); // no persistence: the retained a0 is lost with it
      await().atMost(Duration.ofSeconds(10)).until(() -> !c.isConnected());
      c.publish(A, retained("a1"));
      c.publish(B, retained("b1"));
      c.publish(A, retained("a2"));
      assertThat(c.deferredPublishes()).isEqualTo(3);

      BROKER.start();
      await().atMost(Duration.ofSeconds(15)).until(() -> c.connects() >= 2);
      await().atMost(Duration.ofSeconds(5)).until(() -> c.deferredPublishes() == 3 && c.isConnected());
      assertThat(retainedOf("B01", A)).isEqualTo("a2");
      assertThat(retainedOf("B02", B)).isEqualTo("b1");
      assertThat(c.abandonedAttempts()).isZero();
    }
  }

  @Test
  void aBrokerThatIsNotThereYet_isConnectedToWhenItComes() throws Exception {
    BROKER.stop();
    MqttSettings s = new MqttSettings(BROKER.uri(), "controller", BROKER.password("controller"),
        "reconnecting-client-late", 1);
    try (ReconnectingClient c = new ReconnectingClient(s, new MqttSubscription[0], (t, m) -> {})) {
      c.start();
      Thread.sleep(2500); // several refused attempts
      assertThat(c.isConnected()).isFalse();
      BROKER.start();
      await().atMost(Duration.ofSeconds(10)).until(c::isConnected);
      assertThat(c.connects()).isEqualTo(1);
    }
  }

  private static MqttMessage retained(String text) {
    MqttMessage m = new MqttMessage(text.getBytes(StandardCharsets.UTF_8), 1, true, null);
    return m;
  }

  /** The retained message of a building's setpoint topic, read as that building (the ACL allows no more). */
  private static String retainedOf(String building, String topic) throws Exception {
    Map<String, String> seen = new ConcurrentHashMap<>();
    MqttClient sub = new MqttClient(BROKER.uri(), "reader-" + building, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(building);
    o.setPassword(BROKER.password(building).getBytes(StandardCharsets.UTF_8));
    sub.connect(o);
    try {
      sub.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
          new IMqttMessageListener[] {
              (t, m) -> seen.put(t, new String(m.getPayload(), StandardCharsets.UTF_8))});
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.containsKey(topic));
      return seen.get(topic);
    } finally {
      sub.disconnect();
      sub.close();
    }
  }
}
