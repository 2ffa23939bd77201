package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.loop.Setpoint;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.control.service.adapter.MqttLink;
import org.heatgrid.control.service.adapter.MqttSettings;
import org.heatgrid.gateway.MosquittoBroker;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.Topics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fan-out figure: one control round publishes one setpoint per building to 2,000 gateways over a
 * real Mosquitto, through the controller's real publish path ({@link MqttLink#publish}: payload
 * encoded and schema-checked, retained, QoS 1, message expiry, Paho within the broker's in-flight
 * window). Each simulated gateway has its own MQTT 5 connection (user = its building id, its own
 * password, the deployed pattern ACL) and its own subscription to its own setpoint topic; it
 * decodes and schema-validates every payload with {@link PayloadCodec} like the reference
 * gateway and records when it arrived and when it was validated. The gateways use the HiveMQ MQTT
 * client (one shared Netty event loop) because 2,000 Paho clients would need about 8,000 threads.
 *
 * <p>6 warm-up rounds ({@code -Dfanout.warmUp=N}), then {@value #ROUNDS} measured rounds, one
 * second apart. Per
 * round: the time from the first publish call to the last gateway's validated receipt. Per message:
 * publish call to arrival at the gateway, and to validated. It <b>asserts</b> that every gateway
 * received every round's setpoint, valid, for itself, with the round's seq; it <b>prints</b> the
 * times, never asserting them.
 *
 * <p>Tagged {@code bench}, left out of the default run: {@code flock /tmp/heatgrid-mvn.lock ./mvnw
 * -q -o -pl controller/service test -DexcludedGroups=none -Dtest=FanOutBench
 * -Dsurefire.failIfNoSpecifiedTests=false}. Options: {@code -Dfanout.gateways=2000},
 * {@code -Dfanout.warmUp=2},
 * {@code -Dfanout.maxInflight=N} (the broker's {@code max_inflight_messages}, which it also
 * announces as its receive maximum: how many unacknowledged QoS 1 publishes the controller may
 * have; mosquitto's default is 20), and the diagnostic {@code -Dfanout.validateAfterRound=true}:
 * the gateways only keep the payload on arrival and it is decoded and validated after the round,
 * outside the timing, so that the 2,000 gateways' validation (which in operation runs on 2,000
 * other machines) does not compete with the controller for this machine's cores; the round then
 * ends at the last arrival.
 */
@Tag("bench")
class FanOutBench {

  private static final String SITE = "fanout";
  private static final int GATEWAYS = Integer.getInteger("fanout.gateways", 2000);
  // A control service runs for months: its rounds are JIT-compiled. The first rounds after start
  // are reported with -Dfanout.warmUp=2 (see docs/decisions/0020-fan-out-bench-warm-up.md).
  private static final int WARM_UP = Integer.getInteger("fanout.warmUp", 6);
  private static final int ROUNDS = 10;
  private static final int PLAN_STEPS = 96;
  private static final Integer MAX_INFLIGHT = Integer.getInteger("fanout.maxInflight");
  private static final boolean VALIDATE_AFTER = Boolean.getBoolean("fanout.validateAfterRound");
  private static final List<String> IDS = ids(GATEWAYS);

  @RegisterExtension
  static final MosquittoBroker BROKER = broker();

  private static MosquittoBroker broker() {
    MosquittoBroker b = new MosquittoBroker().withBuildings(IDS);
    if (MAX_INFLIGHT != null) {
      b.withConfig("max_inflight_messages " + MAX_INFLIGHT);
    }
    return b;
  }

  /** One simulated gateway's record: per round, arrival and validated times; failures. */
  private static final class Gateway {
    final int index;
    final String id;
    final String topic;
    final long[] arrived = new long[WARM_UP + ROUNDS];
    final long[] validated = new long[WARM_UP + ROUNDS];
    final byte[][] kept = new byte[WARM_UP + ROUNDS][]; // validateAfterRound: payload per round
    final String[] keptTopic = new String[WARM_UP + ROUNDS];
    Mqtt5AsyncClient client;

    Gateway(int index, String id) {
      this.index = index;
      this.id = id;
      this.topic = new Topics(SITE, id).setpoint();
    }
  }

  private final PayloadCodec codec = new PayloadCodec();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong failureCount = new AtomicLong();
  private final AtomicLong validCount = new AtomicLong();
  private volatile CountDownLatch roundLatch = new CountDownLatch(0);
  private volatile int currentRound;

  @Test
  void fanOut_toAllGateways_printsRoundTimes() throws Exception {
    String fds = maxOpenFiles(BROKER.pid());
    System.out.println("[FanOutBench] mosquitto pid " + BROKER.pid() + ", " + fds
        + (MAX_INFLIGHT == null ? ", max_inflight_messages default (20)"
            : ", max_inflight_messages " + MAX_INFLIGHT));

    List<Gateway> gateways = new ArrayList<>();
    for (int i = 0; i < GATEWAYS; i++) {
      gateways.add(new Gateway(i, IDS.get(i)));
    }
    long t0 = System.nanoTime();
    connectAll(gateways);
    System.out.printf(Locale.ROOT, "[FanOutBench] %d gateways connected and subscribed in %.1f s%n",
        GATEWAYS, (System.nanoTime() - t0) / 1e9);

    TelemetryInbox inbox = new TelemetryInbox(new HashSet<>(IDS));
    MqttSettings settings = new MqttSettings(BROKER.uri(), "controller",
        BROKER.password("controller"), "heatgrid-controller-fanout", 5);
    int total = WARM_UP + ROUNDS;
    long[][] sent = new long[total][GATEWAYS];
    long[] roundStart = new long[total];
    long[] publishDone = new long[total];
    long[] inflightWaits = new long[total];
    long brokerCpu0 = 0;
    long jvmCpu0 = 0;
    long measuredWall0 = 0;
    try (MqttLink link = new MqttLink(settings, SITE, codec, inbox, 1.0)) {
      link.start();
      await("controller connected").atMost(Duration.ofSeconds(20)).until(link::isConnected);
      for (int r = 0; r < total; r++) {
        if (r == WARM_UP) {
          brokerCpu0 = cpuTicks(BROKER.pid());
          jvmCpu0 = jvmCpuNanos();
          measuredWall0 = System.nanoTime();
        }
        List<Setpoint> round = new ArrayList<>(GATEWAYS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Gateway g : gateways) {
          round.add(setpoint(g.id, r, now));
        }
        roundLatch = new CountDownLatch(GATEWAYS);
        currentRound = r;
        long waits0 = link.inflightWaits();
        roundStart[r] = System.nanoTime();
        for (int i = 0; i < GATEWAYS; i++) {
          sent[r][i] = System.nanoTime();
          link.publish(round.get(i));
        }
        publishDone[r] = System.nanoTime();
        inflightWaits[r] = link.inflightWaits() - waits0;
        boolean complete = roundLatch.await(60, TimeUnit.SECONDS);
        assertThat(complete).as("round %d: every gateway validated its setpoint within 60 s; "
            + "missing %d; failures %d, first: %s", r, roundLatch.getCount(), failureCount.get(),
            failures.peek()).isTrue();
        if (VALIDATE_AFTER) {
          for (Gateway g : gateways) {
            validateKept(g, r);
          }
        }
        Thread.sleep(1000); // rounds are 15 min apart in operation: let the machine settle
      }
      assertThat(link.deferredSetpoints()).as("setpoints deferred (publish refused)").isZero();
    }
    long measuredWall = System.nanoTime() - measuredWall0;
    long brokerCpu = cpuTicks(BROKER.pid()) - brokerCpu0;
    long jvmCpu = jvmCpuNanos() - jvmCpu0;
    disconnectAll(gateways);

    // behaviour: every gateway, every round, valid, in order
    assertThat(failureCount.get()).as("invalid or unexpected messages; first: %s", failures.peek())
        .isZero();
    assertThat(validCount.get()).isEqualTo((long) GATEWAYS * total);
    for (Gateway g : gateways) {
      for (int r = 0; r < total; r++) {
        assertThat(g.validated[r]).as("%s round %d", g.id, r).isPositive();
      }
    }

    // figures
    double[] roundMs = new double[ROUNDS];
    double[] publishMs = new double[ROUNDS];
    double[] toArrive = new double[ROUNDS * GATEWAYS];
    double[] toValid = new double[ROUNDS * GATEWAYS];
    StringBuilder perRound = new StringBuilder();
    for (int r = WARM_UP; r < total; r++) {
      long last = 0;
      for (Gateway g : gateways) {
        last = Math.max(last, g.validated[r]);
        int k = (r - WARM_UP) * GATEWAYS + g.index;
        toArrive[k] = (g.arrived[r] - sent[r][g.index]) / 1e6;
        toValid[k] = (g.validated[r] - sent[r][g.index]) / 1e6;
      }
      roundMs[r - WARM_UP] = (last - roundStart[r]) / 1e6;
      publishMs[r - WARM_UP] = (publishDone[r] - roundStart[r]) / 1e6;
      perRound.append(String.format(Locale.ROOT, " %.0f", roundMs[r - WARM_UP]));
    }
    long waits = Arrays.stream(inflightWaits, WARM_UP, total).sum();
    System.out.printf(Locale.ROOT, "[FanOutBench] %d gateways, %d measured rounds (after %d warm-up),"
        + " %d-step plan: all %d messages received and valid%s%n", GATEWAYS, ROUNDS, WARM_UP,
        PLAN_STEPS, (long) GATEWAYS * total, VALIDATE_AFTER
            ? " (DIAGNOSTIC validateAfterRound: validated after each round, outside the timing)" : "");
    System.out.printf(Locale.ROOT, "[FanOutBench] round (first publish to last %s): median %.0f ms,"
        + " max %.0f ms; each:%s ms%n", VALIDATE_AFTER ? "arrival" : "validated receipt",
        median(roundMs), max(roundMs), perRound);
    System.out.printf(Locale.ROOT, "[FanOutBench] controller publish loop (%d MqttLink.publish "
        + "calls): median %.0f ms, max %.0f ms; in-flight waits per round %.0f%n", GATEWAYS,
        median(publishMs), max(publishMs), (double) waits / ROUNDS);
    Arrays.sort(toArrive);
    Arrays.sort(toValid);
    System.out.printf(Locale.ROOT, "[FanOutBench] publish-to-receive (arrival): p50 %.1f ms, p99 %.1f"
        + " ms, max %.1f ms (%d messages)%n", q(toArrive, 0.5), q(toArrive, 0.99), max(toArrive),
        toArrive.length);
    if (!VALIDATE_AFTER) {
      System.out.printf(Locale.ROOT, "[FanOutBench] publish-to-validated (decoded and schema-checked"
          + " at the gateway): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", q(toValid, 0.5),
          q(toValid, 0.99), max(toValid));
    }
    double secs = measuredWall / 1e9;
    System.out.printf(Locale.ROOT, "[FanOutBench] CPU over the measured rounds (%.1f s wall incl. 1 s"
        + " pauses): mosquitto %.2f s, test JVM (controller + %d gateways) %.2f s; per round "
        + "mosquitto %.0f ms, JVM %.0f ms%n", secs, brokerCpu / 100.0, GATEWAYS, jvmCpu / 1e9,
        brokerCpu * 10.0 / ROUNDS, jvmCpu / 1e6 / ROUNDS);
  }

  private void connectAll(List<Gateway> gateways) throws Exception {
    Semaphore inProgress = new Semaphore(100); // the broker's listen backlog
    List<CompletableFuture<Mqtt5SubAck>> subs = new ArrayList<>();
    for (Gateway g : gateways) {
      inProgress.acquire();
      g.client = MqttClient.builder().useMqttVersion5()
          .identifier("heatgrid-gw-" + SITE + "-" + g.id)
          .serverHost("127.0.0.1").serverPort(BROKER.port())
          .simpleAuth().username(g.id)
          .password(BROKER.password(g.id).getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
          .buildAsync();
      CompletableFuture<Mqtt5SubAck> sub = g.client.connectWith().cleanStart(true).keepAlive(60)
          .send()
          .thenCompose(ack -> g.client.subscribeWith().topicFilter(g.topic)
              .qos(MqttQos.AT_LEAST_ONCE).callback(p -> onSetpoint(g, p)).send())
          .whenComplete((ack, e) -> inProgress.release());
      subs.add(sub);
    }
    for (int i = 0; i < subs.size(); i++) {
      Mqtt5SubAck ack = subs.get(i).get(60, TimeUnit.SECONDS);
      assertThat(ack.getReasonCodes()).as("%s subscription", gateways.get(i).id)
          .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }
  }

  private static void disconnectAll(List<Gateway> gateways) {
    CompletableFuture.allOf(gateways.stream().map(g -> g.client.disconnect()
        .exceptionally(e -> null)).toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
        .join();
  }

  /** What a gateway does with a setpoint, up to the point where it would apply it. */
  private void onSetpoint(Gateway g, Mqtt5Publish p) {
    long arrived = System.nanoTime();
    if (VALIDATE_AFTER) {
      int r = currentRound;
      if (g.kept[r] != null) {
        fail(g.id + ": a second message in round " + r);
        return;
      }
      g.arrived[r] = arrived;
      g.validated[r] = arrived;
      g.keptTopic[r] = p.getTopic().toString();
      g.kept[r] = p.getPayloadAsBytes();
      roundLatch.countDown();
      return;
    }
    try {
      SetpointMessage m = codec.decodeSetpoint(p.getPayloadAsBytes()); // schema validation
      int r = (int) m.seq() - 1;
      if (!p.getTopic().toString().equals(g.topic) || !m.building().equals(g.id)
          || !m.site().equals(SITE) || r < 0 || r >= g.validated.length || g.validated[r] != 0
          || p.getQos() != MqttQos.AT_LEAST_ONCE || p.getMessageExpiryInterval().isEmpty()
          || m.plan().size() != PLAN_STEPS) {
        fail(g.id + ": unexpected message on " + p.getTopic() + ": seq " + m.seq() + ", building "
            + m.building() + ", qos " + p.getQos());
        return;
      }
      g.arrived[r] = arrived;
      g.validated[r] = System.nanoTime();
      validCount.incrementAndGet();
      roundLatch.countDown();
    } catch (RuntimeException e) {
      fail(g.id + ": " + e.getMessage());
    }
  }

  /** validateAfterRound: the checks of {@link #onSetpoint}, after the round. */
  private void validateKept(Gateway g, int r) {
    try {
      SetpointMessage m = codec.decodeSetpoint(g.kept[r]);
      if (!g.keptTopic[r].equals(g.topic) || !m.building().equals(g.id) || !m.site().equals(SITE)
          || m.seq() != r + 1 || m.plan().size() != PLAN_STEPS) {
        fail(g.id + ": unexpected message in round " + r + ": seq " + m.seq() + " on "
            + g.keptTopic[r]);
        return;
      }
      validCount.incrementAndGet();
      g.kept[r] = new byte[0];
    } catch (RuntimeException e) {
      fail(g.id + ": " + e.getMessage());
    }
  }

  private void fail(String what) {
    if (failureCount.incrementAndGet() <= 10) {
      failures.add(what);
    }
  }

  /** Round r's setpoint for a building: seq r + 1, valid 30 min, a 96-step plan like the MPC's. */
  private static Setpoint setpoint(String building, int r, Instant now) {
    List<PlanStep> plan = new ArrayList<>(PLAN_STEPS);
    for (int k = 0; k < PLAN_STEPS; k++) {
      plan.add(new PlanStep(now.plusSeconds(900L * (k + 1)), 45 + (k % 20) * 0.5,
          k % 4 == 0 ? Double.NaN : 100.0 + k));
    }
    return new Setpoint(building, r + 1, now, now.plus(Duration.ofMinutes(30)),
        new Command(50 + (r % 10), 250), Mode.AUTO, "fan-out bench round " + r, plan);
  }

  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      ids.add(String.format("G%04d", i));
    }
    return List.copyOf(ids);
  }

  private static String maxOpenFiles(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/limits"))) {
      if (line.startsWith("Max open files")) {
        String[] f = line.trim().split("\\s+");
        long soft = Long.parseLong(f[3]);
        assertThat(soft).as("mosquitto's open-file limit must exceed the gateways").isGreaterThan(
            GATEWAYS + 64L);
        return "max open files " + f[3] + " (soft) / " + f[4] + " (hard)";
      }
    }
    return "max open files unknown";
  }

  /** utime + stime of a process, in clock ticks (1/100 s). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double q(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return q(s, 0.5);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }
}
