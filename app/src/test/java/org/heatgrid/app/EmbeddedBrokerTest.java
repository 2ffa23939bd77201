package org.heatgrid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.heatgrid.control.api.Mode;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.Topics;
import org.heatgrid.wire.paho.SetpointPublisher;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

  private static final PayloadCodec CODEC = new PayloadCodec();

  /**
   * What a gateway connecting late sees on the embedded broker: the retained setpoint of each of
   * 16 buildings, published at once at QoS 1 (beyond HiveMQ's default receive maximum of 10),
   * valid against the schema; a setpoint whose message expiry has passed is gone.
   */
  @Test
  void retainedSetpointsOf16Buildings_areThereForALateSubscriber_andExpire() throws Exception {
    List<String> users = new java.util.ArrayList<>(List.of(BrokerAcl.CONTROLLER));
    java.util.stream.IntStream.rangeClosed(1, 16).forEach(i -> users.add(String.format("B%02d", i)));
    Credentials credentials = Credentials.random(users);
    try (EmbeddedBroker broker = EmbeddedBroker.start(Files.createTempDirectory("hivemq"), 0,
        credentials.byUser())) {
      MqttClient controller = client(broker, "controller", "controller", credentials);
      Instant now = Instant.parse("2026-01-05T00:00:00Z");
      List<String> ids = java.util.stream.IntStream.rangeClosed(1, 16)
          .mapToObj(i -> String.format("B%02d", i)).toList();
      for (String id : ids) {
        SetpointMessage m = new SetpointMessage("campus16", id, 7, now, now.plusSeconds(1800), 50,
            null, Mode.AUTO, "test", List.of());
        // B16's expires after 3 s (its reader is the first, well within that); the others stay.
        long expiry = id.equals("B16") ? 3 : 600;
        controller.publish(new Topics("campus16", id).setpoint(),
            SetpointPublisher.message(CODEC.encode(m), expiry));
      }
      // Under the ACL a gateway reads only its own setpoint: one late reader per building.
      Map<String, SetpointMessage> seen = new ConcurrentHashMap<>();
      List<MqttClient> clients = new java.util.ArrayList<>(List.of(controller));
      List<String> b16First = new java.util.ArrayList<>(ids);
      java.util.Collections.reverse(b16First);
      for (String id : b16First) {
        MqttClient late = client(broker, "late-" + id, id, credentials);
        late.setCallback(new Collect(seen));
        late.subscribe(new Topics("campus16", id).setpoint(), 1);
        clients.add(late);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 16);
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);

      Map<String, SetpointMessage> later = new ConcurrentHashMap<>();
      await().pollDelay(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(5)).until(() -> true);
      for (String id : List.of("B01", "B16")) {
        MqttClient after = client(broker, "after-" + id, id, credentials);
        after.setCallback(new Collect(later));
        after.subscribe(new Topics("campus16", id).setpoint(), 1);
        clients.add(after);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> later.containsKey("B01"));
      Thread.sleep(300); // B16's would have come with B01's
      assertThat(later).doesNotContainKey("B16");
      for (MqttClient c : clients) {
        c.disconnect();
        c.close();
      }
    }
  }

  private static MqttClient client(EmbeddedBroker broker, String id, String user,
      Credentials credentials) throws MqttException {
    MqttClient c = new MqttClient(broker.uri(), id, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(user);
    o.setPassword(credentials.password(user).getBytes(StandardCharsets.UTF_8));
    c.connect(o);
    return c;
  }

  private record Collect(Map<String, SetpointMessage> into) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage m) {
      SetpointMessage s = CODEC.decodeSetpoint(m.getPayload()); // schema-checked
      into.put(s.building(), s);
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {}

    @Override
    public void mqttErrorOccurred(MqttException e) {}

    @Override
    public void deliveryComplete(IMqttToken t) {}

    @Override
    public void connectComplete(boolean reconnect, String uri) {}

    @Override
    public void authPacketArrived(int code, MqttProperties p) {}
  }
}
