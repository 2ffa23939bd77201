package org.heatgrid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

/** The embedded broker enforces the contract's users and ACL, like deploy/mosquitto/acl. */
class BrokerAclTest {

  private static final Credentials USERS = Credentials.random(List.of("controller", "B01", "B02"));

  @Test
  void wrongOrUnknownCredentials_areRefused_andEachUserGetsOnlyWhatTheAclGrants() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(Files.createTempDirectory("hivemq"), 0,
        USERS.byUser())) {
      assertThatThrownBy(() -> connect(broker, "x1", "B01", "wrong")).isInstanceOf(MqttException.class);
      assertThatThrownBy(() -> connect(broker, "x2", "B99", "any")).isInstanceOf(MqttException.class);

      MqttClient controller = connect(broker, "controller");
      MqttClient b01 = connect(broker, "B01");
      MqttClient b02 = connect(broker, "B02");
      List<String> atController = listen(controller, "heatgrid/v1/campus16/+/telemetry");
      List<String> atB01 = listen(b01, "heatgrid/v1/campus16/B01/setpoint");
      List<String> b01ReadsB02 = listen(b01, "heatgrid/v1/campus16/B02/setpoint");
      List<String> atB02 = listen(b02, "heatgrid/v1/campus16/B02/setpoint");

      // HiveMQ answers a refused publish by closing that connection (Mosquitto drops the message
      // and keeps it): each forgery comes from a connection of its own.
      MqttClient forger1 = connect(broker, "B01-forger-1", "B01", USERS.password("B01"));
      MqttClient forger2 = connect(broker, "B01-forger-2", "B01", USERS.password("B01"));
      tryPublish(forger1, "heatgrid/v1/campus16/B02/telemetry", "forged by B01");
      tryPublish(forger2, "heatgrid/v1/campus16/B02/setpoint", "setpoint by B01");
      tryPublish(controller, "heatgrid/v1/campus16/B02/setpoint", "from the controller");
      tryPublish(controller, "heatgrid/v1/campus16/B01/setpoint", "from the controller");
      tryPublish(b01, "heatgrid/v1/campus16/B01/telemetry", "own telemetry");

      await().atMost(Duration.ofSeconds(10)).until(() -> !atController.isEmpty() && !atB01.isEmpty()
          && !atB02.isEmpty());
      Thread.sleep(300); // anything refused would have arrived by now
      assertThat(atController).containsExactly("heatgrid/v1/campus16/B01/telemetry own telemetry");
      assertThat(atB01).containsExactly("heatgrid/v1/campus16/B01/setpoint from the controller");
      assertThat(atB02).containsExactly("heatgrid/v1/campus16/B02/setpoint from the controller");
      assertThat(b01ReadsB02).isEmpty();
    }
  }

  @Test
  void theRunsPasswords_writtenForOtherClients_readBackTheSame() throws Exception {
    java.nio.file.Path file = Files.createTempDirectory("creds").resolve("credentials");
    USERS.write(file);
    Credentials back = Credentials.read(file);
    for (String user : List.of("controller", "B01", "B02")) {
      assertThat(back.password(user)).isEqualTo(USERS.password(user));
    }
    assertThatThrownBy(() -> back.password("B03")).hasMessageContaining("B03");
  }

  private static MqttClient connect(EmbeddedBroker broker, String user) throws MqttException {
    return connect(broker, user, user, USERS.password(user));
  }

  private static MqttClient connect(EmbeddedBroker broker, String id, String user, String password)
      throws MqttException {
    MqttClient c = new MqttClient(broker.uri(), id, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(user);
    o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    o.setConnectionTimeout(5);
    c.connect(o);
    return c;
  }

  private static List<String> listen(MqttClient c, String filter) throws MqttException {
    List<String> got = new CopyOnWriteArrayList<>();
    c.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {
        (t, m) -> got.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
    return got;
  }

  /** A refused QoS 1 publish may come back as an exception (PUBACK 0x87): what counts is who receives it. */
  private static void tryPublish(MqttClient c, String topic, String text) {
    try {
      c.publish(topic, new MqttMessage(text.getBytes(StandardCharsets.UTF_8), 1, false, null));
    } catch (MqttException e) {
      // refused
    }
  }
}
