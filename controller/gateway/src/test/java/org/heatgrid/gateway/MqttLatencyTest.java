package org.heatgrid.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures, without asserting, how long a setpoint takes from the controller's publish to the
 * gateway's {@code Substation.apply} through a local Mosquitto (QoS 1, retained, schema checks
 * included). Logs median, 95th percentile and maximum over 200 setpoints:
 * {@code ./mvnw -pl controller/gateway test -Dtest=MqttLatencyTest}.
 */
class MqttLatencyTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final int N = 200;

  @Test
  void measure_publishToApplyLatency() throws Exception {
    PayloadCodec codec = new PayloadCodec();
    MutableClock clock = new MutableClock(T0);
    Topics b16 = new Topics("campus16", "B16");
    AtomicLong appliedNanos = new AtomicLong();
    AtomicLong appliedSupply = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    Substation recording = new Substation() {
      private final SimulatedSubstation inner = new SimulatedSubstation(clock, "B16", -5);

      @Override
      public Telemetry read() {
        return inner.read();
      }

      @Override
      public double outdoorC() {
        return inner.outdoorC();
      }

      @Override
      public void apply(Command c) {
        appliedNanos.set(System.nanoTime());
        appliedSupply.set(Double.doubleToLongBits(c.supplySetpointC()));
      }
    };
    GatewayConfig config = GatewayConfig.of(BROKER.uri(), b16, BROKER.password("B16"))
        .withTick(Duration.ofMillis(50));
    long[] micros = new long[N];
    try (EdgeGateway gw = new EdgeGateway(config, recording, clock, codec);
        MqttTestClient controller = MqttTestClient.connect(BROKER, "controller", "ctl-latency")) {
      gw.start();
      await().atMost(Duration.ofSeconds(10)).until(gw::isConnected);
      controller.subscribe(b16.status());
      controller.awaitMessage(b16.status(), r -> true); // subscribed and settled
      for (int i = 0; i < N; i++) {
        double supply = 40 + (i % 30);
        SetpointMessage sp = new SetpointMessage("campus16", "B16", i + 1, T0, T0.plusSeconds(900),
            supply, null, SetpointMode.AUTO, null, List.of());
        byte[] payload = codec.encode(sp);
        long sent = System.nanoTime();
        controller.publish(b16.setpoint(), SetpointPublisher.message(payload, 60));
        long expectedApplied = i + 1;
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofNanos(200_000))
            .until(() -> gw.counters().setpointsApplied() == expectedApplied);
        micros[i] = (appliedNanos.get() - sent) / 1000;
      }
    }
    report("publish-to-apply (controller publish to Substation.apply, schema checks included)", micros);
  }

  @Test
  void measure_publishToReceiveLatency() throws Exception {
    Topics b15 = new Topics("campus16", "B15");
    long[] micros = new long[N];
    try (MqttTestClient controller = MqttTestClient.connect(BROKER, "controller", "ctl-raw");
        MqttTestClient gateway = MqttTestClient.connect(BROKER, "B15", "gw-raw")) {
      gateway.subscribe(b15.setpoint());
      byte[] payload = new byte[600];
      for (int i = 0; i < N; i++) {
        int expected = i + 1;
        long sent = System.nanoTime();
        controller.publish(b15.setpoint(), SetpointPublisher.message(payload, 60));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofNanos(200_000))
            .until(() -> gateway.received().size() == expected);
        micros[i] = (gateway.received().get(i).nanos() - sent) / 1000;
      }
    }
    report("publish-to-receive (two Paho clients, 600-byte payload)", micros);
  }

  private static void report(String what, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.getLogger(MqttLatencyTest.class.getName()).log(System.Logger.Level.INFO,
        what + " latency over " + N + " messages (QoS 1, retained, local Mosquitto): median "
            + sorted[N / 2] + " us, p95 " + sorted[(int) (N * 0.95)] + " us, max " + sorted[N - 1] + " us");
  }
}
