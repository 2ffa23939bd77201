package org.heatgrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.time.ManualClock;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.Topics;
import org.heatgrid.wire.paho.SetpointPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A broker restart (own broker: the restart would disturb other tests' clients). */
class BrokerRestartTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void gateway_reconnectsResubscribesAndReceivesNextSetpointAfterBrokerRestart() throws Exception {
    PayloadCodec codec = new PayloadCodec();
    ManualClock clock = new ManualClock(T0);
    Topics b09 = new Topics("campus16", "B09");
    SimulatedSubstation substation = new SimulatedSubstation(clock, "B09", -5);
    GatewayConfig config = GatewayConfig.of(BROKER.uri(), b09, BROKER.password("B09"))
        .withTick(Duration.ofMillis(20)).withReconnectMaxSeconds(1);
    try (EdgeGateway gw = new EdgeGateway(config, substation, clock, codec)) {
      gw.start();
      try (MqttTestClient controller = MqttTestClient.connect(BROKER, "controller", "ctl-1")) {
        controller.publish(b09.setpoint(), SetpointPublisher.message(codec.encode(setpoint(1, 50)), 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> gw.counters().setpointsApplied() == 1);
      }

      BROKER.restart(); // no persistence: sessions, subscriptions and retained messages are gone

      await().atMost(Duration.ofSeconds(15)).until(() -> gw.counters().connects() == 2);
      try (MqttTestClient controller = MqttTestClient.connect(BROKER, "controller", "ctl-2")) {
        controller.subscribe(b09.status());
        // The gateway republished its status after reconnecting (the broker had lost it).
        controller.awaitMessage(b09.status(), r -> true);
        controller.publish(b09.setpoint(), SetpointPublisher.message(codec.encode(setpoint(2, 55)), 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> gw.counters().setpointsApplied() == 2);
      }
      assertThat(substation.lastCommand()).isEqualTo(Command.supply(55));
      assertThat(gw.heldSetpoint().orElseThrow().seq()).isEqualTo(2);
      assertThat(gw.counters().setpointsRejected()).isZero();
    }
  }

  private static SetpointMessage setpoint(long seq, double supplyC) {
    return new SetpointMessage("campus16", "B09", seq, T0, T0.plusSeconds(900), supplyC, null,
        Mode.AUTO, null, List.of());
  }
}
