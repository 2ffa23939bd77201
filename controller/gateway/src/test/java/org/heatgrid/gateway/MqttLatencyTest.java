package org.heatgrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.time.ManualClock;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.Topics;
import org.heatgrid.wire.paho.SetpointPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery over a local Mosquitto (QoS 1, retained, message expiry, the deployed ACL and
 * passwords), measured per message. It <b>asserts</b> the behaviour (every gateway receives and
 * applies every setpoint, in order, none rejected) and <b>prints</b> the timings (p50, p95, p99,
 * max), never asserting them: timings on a shared build machine follow its load.
 *
 * <ul>
 *   <li>{@link #sixteenGateways_applyEverySetpoint_printsPublishToApply}: the 16 reference
 *       gateways ({@link EdgeGateway}, each with its own connection) and one controller
 *       connection; {@value #ROUNDS} control rounds, each one setpoint per building published in
 *       a burst (a 96-step plan, about 8 kB, like a real MPC setpoint), the next round after all 16
 *       were applied. Latency is from the controller's publish call to the gateway's
 *       {@code Substation.apply}, so it includes the broker, the gateway's schema validation and
 *       its checks: an upper bound of publish-to-receive.
 *   <li>{@link #plainSubscriber_receivesEverySetpoint_printsPublishToReceive}: {@value #N_RAW}
 *       setpoints one after another between two plain Paho clients; the receiver's arrival time
 *       is taken before decoding, and every payload is then decoded and schema-checked.
 * </ul>
 *
 * {@code flock /tmp/heatgrid-mvn.lock ./mvnw -q -o -pl controller/gateway test -Dtest=MqttLatencyTest}
 * (a few seconds).
 */
class MqttLatencyTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final String SITE = "campus16";
  private static final int GATEWAYS = 16;
  private static final int WARM_UP = 10;
  private static final int ROUNDS = 100; // measured; 1,600 setpoints
  private static final int N_RAW = 1000;
  private static final int PLAN_STEPS = 96;

  private static final Logger LOG = Logger.getLogger(MqttLatencyTest.class.getName());

  /** A substation that records what the gateway applied, and when, once recording is on. */
  private static final class RecordingSubstation implements Substation {
    private final SimulatedSubstation inner;
    private final List<Double> supplies = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private volatile boolean recording;
    private volatile CountDownLatch round;

    RecordingSubstation(ManualClock clock, String building) {
      inner = new SimulatedSubstation(clock, building, -5);
    }

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
      long now = System.nanoTime();
      if (!recording) {
        return; // the local heating curve at start
      }
      synchronized (this) {
        supplies.add(c.supplySetpointC());
        nanos.add(now);
      }
      round.countDown();
    }

    synchronized List<Double> supplies() {
      return List.copyOf(supplies);
    }

    synchronized long nanos(int i) {
      return nanos.get(i);
    }
  }

  /** The supply setpoint of round r: distinct per round (within 160), exact in binary and JSON. */
  private static double supply(int r) {
    return 40 + (r % 160) * 0.25;
  }

  @Test
  void sixteenGateways_applyEverySetpoint_printsPublishToApply() throws Exception {
    PayloadCodec codec = new PayloadCodec();
    ManualClock clock = new ManualClock(T0);
    int total = WARM_UP + ROUNDS;
    List<Topics> topics = new ArrayList<>();
    List<RecordingSubstation> subs = new ArrayList<>();
    List<EdgeGateway> gateways = new ArrayList<>();
    long[][] sentNanos = new long[total][GATEWAYS];
    IMqttToken[] tokens = new IMqttToken[GATEWAYS];
    try (MqttTestClient controller = MqttTestClient.connect(BROKER, "controller", "ctl-latency")) {
      for (int g = 0; g < GATEWAYS; g++) {
        String b = String.format("B%02d", g + 1);
        Topics t = new Topics(SITE, b);
        clearRetained(controller, t);
        RecordingSubstation s = new RecordingSubstation(clock, b);
        EdgeGateway gw = new EdgeGateway(
            GatewayConfig.of(BROKER.uri(), t, BROKER.password(b)).withTick(Duration.ofMillis(200)),
            s, clock, codec);
        topics.add(t);
        subs.add(s);
        gateways.add(gw);
        gw.start();
      }
      controller.subscribe("heatgrid/v1/" + SITE + "/+/status");
      await().atMost(Duration.ofSeconds(20)).until(() -> gateways.stream().allMatch(
          EdgeGateway::isConnected));
      // each gateway has subscribed once it published its status after connecting
      for (Topics t : topics) {
        controller.awaitMessage(t.status(), r -> true);
      }
      // encoded before the rounds: the controller's encoding is not what is measured here
      byte[][][] payloads = new byte[total][GATEWAYS][];
      for (int r = 0; r < total; r++) {
        for (int g = 0; g < GATEWAYS; g++) {
          payloads[r][g] = codec.encode(setpoint(topics.get(g).building(), r));
        }
      }
      subs.forEach(s -> s.recording = true);
      long roundsStart = System.nanoTime();
      for (int r = 0; r < total; r++) {
        CountDownLatch round = new CountDownLatch(GATEWAYS);
        for (RecordingSubstation s : subs) {
          s.round = round;
        }
        for (int g = 0; g < GATEWAYS; g++) {
          MqttMessage m = SetpointPublisher.message(payloads[r][g], 1800);
          sentNanos[r][g] = System.nanoTime();
          tokens[g] = controller.publishAsync(topics.get(g).setpoint(), m);
        }
        assertThat(round.await(10, TimeUnit.SECONDS))
            .as("round %d: all %d gateways applied their setpoint; applied so far: %s", r, GATEWAYS,
                gateways.stream().map(gw -> gw.counters().setpointsApplied()).toList())
            .isTrue();
        for (IMqttToken t : tokens) { // keep the next round within the broker's receive maximum
          t.waitForCompletion(10_000);
        }
      }

      long roundsMs = (System.nanoTime() - roundsStart) / 1_000_000;
      List<Double> expected = new ArrayList<>();
      for (int r = 0; r < total; r++) {
        expected.add(supply(r));
      }
      long[] micros = new long[ROUNDS * GATEWAYS];
      for (int g = 0; g < GATEWAYS; g++) {
        EdgeGateway gw = gateways.get(g);
        String b = topics.get(g).building();
        assertThat(subs.get(g).supplies()).as("%s: applied setpoints, in order", b)
            .isEqualTo(expected);
        assertThat(gw.counters().setpointsReceived()).as("%s received", b).isEqualTo(total);
        assertThat(gw.counters().setpointsApplied()).as("%s applied", b).isEqualTo(total);
        assertThat(gw.counters().setpointsRejected()).as("%s rejected", b).isZero();
        assertThat(gw.heldSetpoint()).map(SetpointMessage::seq).contains((long) total);
        for (int r = WARM_UP; r < total; r++) {
          micros[(r - WARM_UP) * GATEWAYS + g] = (subs.get(g).nanos(r) - sentNanos[r][g]) / 1000;
        }
      }
      report(String.format(Locale.ROOT, "publish-to-apply, %d EdgeGateways x %d rounds (after %d "
          + "warm-up rounds, %d ms for all rounds), %d-step plan, %d-byte payload, schema checks "
          + "included", GATEWAYS, ROUNDS, WARM_UP, roundsMs, PLAN_STEPS, payloads[0][0].length),
          micros);
    } finally {
      gateways.forEach(EdgeGateway::close);
    }
  }

  @Test
  void plainSubscriber_receivesEverySetpoint_printsPublishToReceive() throws Exception {
    PayloadCodec codec = new PayloadCodec();
    Topics b15 = new Topics(SITE, "B15");
    long[] micros = new long[N_RAW];
    byte[][] payloads = new byte[N_RAW][];
    for (int i = 0; i < N_RAW; i++) {
      payloads[i] = codec.encode(setpoint("B15", i));
    }
    try (MqttTestClient controller = MqttTestClient.connect(BROKER, "controller", "ctl-raw");
        MqttTestClient gateway = MqttTestClient.connect(BROKER, "B15", "gw-raw")) {
      clearRetained(controller, b15);
      gateway.subscribe(b15.setpoint());
      for (int i = 0; i < N_RAW; i++) {
        int expected = i + 1;
        long sent = System.nanoTime();
        IMqttToken token =
            controller.publishAsync(b15.setpoint(), SetpointPublisher.message(payloads[i], 1800));
        long deadline = sent + 5_000_000_000L;
        while (gateway.receivedCount() < expected) { // awaitility's per-call set-up costs ms here
          assertThat(System.nanoTime()).as("message %d received within 5 s", expected)
              .isLessThan(deadline);
          LockSupport.parkNanos(20_000);
        }
        micros[i] = (gateway.received().get(i).nanos() - sent) / 1000;
        token.waitForCompletion(10_000);
      }
      List<MqttTestClient.Received> got = gateway.received();
      assertThat(got).hasSize(N_RAW);
      for (int i = 0; i < N_RAW; i++) {
        SetpointMessage m = codec.decodeSetpoint(got.get(i).payload()); // schema check
        assertThat(m.seq()).as("message %d in order", i).isEqualTo(i + 1);
        assertThat(m.building()).isEqualTo("B15");
      }
    }
    report("publish-to-receive, one plain Paho subscriber, " + N_RAW + " setpoints one after "
        + "another, " + payloads[0].length + "-byte payload (decoded and schema-checked after)",
            micros);
  }

  /** Removes a retained setpoint another test left (an empty retained message clears it). */
  private static void clearRetained(MqttTestClient controller, Topics t) throws Exception {
    // 0x10 "no matching subscribers" is a success too; 0x80 and above would be a refusal
    assertThat(controller.publish(t.setpoint(), new byte[0], true)).isLessThan(0x80);
  }

  /** Round r's setpoint for a building: seq r + 1, valid 30 min, a 96-step plan. */
  private static SetpointMessage setpoint(String building, int r) {
    List<PlanStep> plan = new ArrayList<>(PLAN_STEPS);
    for (int k = 0; k < PLAN_STEPS; k++) {
      plan.add(new PlanStep(T0.plusSeconds(900L * (k + 1)), 45 + (k % 20) * 0.5,
          k % 4 == 0 ? Double.NaN : 100.0 + k));
    }
    return new SetpointMessage(SITE, building, r + 1, T0, T0.plusSeconds(1800), supply(r), null,
        Mode.AUTO, "latency probe round " + r, plan);
  }

  private static void report(String what, long[] micros) {
    long[] s = micros.clone();
    Arrays.sort(s);
    String line = String.format(Locale.ROOT,
        "%s over %d messages (QoS 1, retained, local Mosquitto):"
        + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", what, s.length,
        q(s, 0.50) / 1000.0, q(s, 0.95) / 1000.0, q(s, 0.99) / 1000.0, s[s.length - 1] / 1000.0);
    System.out.println("[MqttLatencyTest] " + line);
    LOG.log(Level.INFO, line);
  }

  /** Nearest-rank quantile of a sorted array. */
  private static long q(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
