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
import org.heatgrid.gateway.PayloadCodec;
import org.heatgrid.gateway.SetpointMessage;
import org.heatgrid.gateway.SetpointMode;
import org.heatgrid.gateway.SetpointPublisher;
import org.heatgrid.gateway.Topics;
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
    try (EmbeddedBroker broker = EmbeddedBroker.start(Files.createTempDirectory("hivemq"), 0)) {
      MqttClient controller = client(broker, "controller");
      Instant now = Instant.parse("2026-01-05T00:00:00Z");
      List<String> ids = java.util.stream.IntStream.rangeClosed(1, 16)
          .mapToObj(i -> String.format("B%02d", i)).toList();
      for (String id : ids) {
        SetpointMessage m = new SetpointMessage("campus16", id, 7, now, now.plusSeconds(1800), 50,
            null, SetpointMode.AUTO, "test", List.of());
        // B16's expires after 1 s; the others stay.
        long expiry = id.equals("B16") ? 1 : 600;
        controller.publish(new Topics("campus16", id).setpoint(),
            SetpointPublisher.message(CODEC.encode(m), expiry));
      }
      Map<String, SetpointMessage> seen = new ConcurrentHashMap<>();
      MqttClient late = client(broker, "late");
      late.setCallback(new Collect(seen));
      late.subscribe("heatgrid/v1/campus16/+/setpoint", 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 16);
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);

      Map<String, SetpointMessage> later = new ConcurrentHashMap<>();
      await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
      MqttClient after = client(broker, "after");
      after.setCallback(new Collect(later));
      after.subscribe("heatgrid/v1/campus16/+/setpoint", 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> later.size() == 15);
      assertThat(later).doesNotContainKey("B16");
      for (MqttClient c : List.of(controller, late, after)) {
        c.disconnect();
        c.close();
      }
    }
  }

  private static MqttClient client(EmbeddedBroker broker, String id) throws MqttException {
    MqttClient c = new MqttClient(broker.uri(), id, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(id);
    o.setPassword("x".getBytes(StandardCharsets.UTF_8));
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
