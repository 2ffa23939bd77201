package org.heatgrid.control.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.MqttSettings;
import org.heatgrid.control.service.adapter.PointSink;
import org.heatgrid.control.service.adapter.RuntimeSettings;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.GatewayConfig;
import org.heatgrid.gateway.MosquittoBroker;
import org.heatgrid.gateway.SimulatedSubstation;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.Topics;

/** Builds closed loops for the integration tests: a runtime and gateways on one accelerated clock. */
final class Loops {

  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  /** 15 simulated minutes per wall second. */
  static final double SPEED = 900;
  static final PayloadCodec CODEC = new PayloadCodec();

  private Loops() {}

  static Site site(List<String> ids) {
    return SiteFile.read("classpath:sites/campus16.json", ids);
  }

  static Clock clock() {
    return SimulatedClock.running(T0, SPEED);
  }

  static ControlRuntime runtime(MosquittoBroker broker, Clock clock, OperatorState operator,
      PointSink sink) {
    return runtime(broker, clock, operator, sink, null);
  }

  /** A runtime with the given controller ({@code null}: the baseline heating curve). */
  static ControlRuntime runtime(MosquittoBroker broker, Clock clock, OperatorState operator,
      PointSink sink, Controller controller) {
    Site site = operator.site();
    MqttSettings mqtt = new MqttSettings(broker.uri(), "controller", broker.password("controller"),
        "heatgrid-controller-test", 1);
    RuntimeSettings s = new RuntimeSettings(site, mqtt, clock, SPEED, Duration.ofMillis(20),
        LoopSettings.of(Duration.ofMinutes(15), System.currentTimeMillis()), Duration.ofHours(6));
    return new ControlRuntime(s, controller, operator, sink, CODEC);
  }

  static List<EdgeGateway> gateways(MosquittoBroker broker, Clock clock, List<String> ids) {
    List<EdgeGateway> out = new ArrayList<>();
    for (String id : ids) {
      GatewayConfig c = GatewayConfig.of(broker.uri(), new Topics("campus16", id), broker.password(id))
          .withTick(Duration.ofMillis(20)).withReconnectMaxSeconds(1);
      EdgeGateway g = new EdgeGateway(c, new SimulatedSubstation(clock, id, -3), clock, CODEC);
      g.start();
      out.add(g);
    }
    return out;
  }

  /** A plain MQTT 5 client for publishing raw payloads as a user. */
  static Raw client(MosquittoBroker broker, String user, String clientId) throws MqttException {
    MqttClient c = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(user);
    o.setPassword(broker.password(user).getBytes(StandardCharsets.UTF_8));
    c.connect(o);
    return new Raw(c);
  }

  /** Every thread's stack, for a failure message when something hangs. */
  static String threadDump() {
    StringBuilder sb = new StringBuilder("thread dump:\n");
    Thread.getAllStackTraces().forEach((t, frames) -> {
      sb.append(t).append(' ').append(t.getState()).append('\n');
      for (StackTraceElement f : frames) {
        sb.append("    at ").append(f).append('\n');
      }
    });
    return sb.toString();
  }

  record Raw(MqttClient client) implements AutoCloseable {
    void publish(String topic, String payload) throws MqttException {
      publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    void publish(String topic, byte[] payload) throws MqttException {
      client.publish(topic, new MqttMessage(payload, 1, false, null));
    }

    @Override
    public void close() throws MqttException {
      client.disconnect();
      client.close();
    }
  }
}
