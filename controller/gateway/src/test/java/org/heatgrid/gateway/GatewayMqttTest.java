package org.heatgrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.fallback.LocalFallback;
import org.heatgrid.time.ManualClock;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.StatusMessage;
import org.heatgrid.wire.TelemetryMessage;
import org.heatgrid.wire.Topics;
import org.heatgrid.wire.paho.SetpointPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference gateway against a real Mosquitto with the deploy/mosquitto ACL. Each test uses
 * its own buildings, so retained messages of one test do not reach another.
 */
class GatewayMqttTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final String SITE = "campus16";
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final PayloadCodec codec = new PayloadCodec();
  private final ManualClock clock = new ManualClock(T0);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private MqttTestClient controller;

  @BeforeEach
  void connectController() throws MqttException {
    controller = closeLater(MqttTestClient.connect(BROKER, "controller", "controller-test"));
    assertThat(controller.subscribe(Topics.allStatus(SITE))).isLessThan(0x80);
    assertThat(controller.subscribe(Topics.allTelemetry(SITE))).isLessThan(0x80);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  @Test
  void gateway_appliesRetainedSetpointPublishedByController() throws Exception {
    Topics b01 = new Topics(SITE, "B01");
    SimulatedSubstation substation = new SimulatedSubstation(clock, "B01", -5);
    EdgeGateway gw = startGateway(b01, substation, BROKER.uri());
    status(b01, GatewayState.FALLBACK);

    SetpointMessage sp = setpoint(b01, 1, 52.5, 15);
    assertThat(controller.publish(b01.setpoint(), SetpointPublisher.message(codec, sp, clock.instant())))
        .isIn(0, 0x10);

    await().atMost(WAIT).until(() -> gw.counters().setpointsApplied() == 1);
    assertThat(substation.lastCommand()).isEqualTo(Command.supply(52.5));
    assertThat(gw.heldSetpoint()).contains(sp);
    StatusMessage online = status(b01, GatewayState.ONLINE);
    assertThat(online.lastSetpointSeq()).isEqualTo(1L);
    assertThat(gw.counters().setpointsReceived()).isEqualTo(1);
    assertThat(gw.counters().setpointsRejected()).isZero();
  }

  @Test
  void gateway_receivesRetainedSetpointPublishedBeforeItConnects() throws Exception {
    Topics b02 = new Topics(SITE, "B02");
    SetpointMessage sp = new SetpointMessage(SITE, "B02", 17, T0, T0.plusSeconds(900), 48, 150.0,
        Mode.MANUAL, "operator override", List.of());
    controller.publish(b02.setpoint(), SetpointPublisher.message(codec, sp, T0));

    SimulatedSubstation substation = new SimulatedSubstation(clock, "B02", -5);
    EdgeGateway gw = startGateway(b02, substation, BROKER.uri());

    await().atMost(WAIT).until(() -> gw.counters().setpointsApplied() == 1);
    assertThat(substation.lastCommand()).isEqualTo(new Command(48, 150));
    assertThat(status(b02, GatewayState.ONLINE).lastSetpointSeq()).isEqualTo(17L);
  }

  @Test
  void gateway_rejectsAndCountsMalformedStaleDuplicateExpiredOutOfRangeAndForeignSetpoints()
      throws Exception {
    Topics b03 = new Topics(SITE, "B03");
    SimulatedSubstation substation = new SimulatedSubstation(clock, "B03", -5);
    EdgeGateway gw = startGateway(b03, substation, BROKER.uri());
    status(b03, GatewayState.FALLBACK);
    publish(b03, setpoint(b03, 10, 50, 15));
    await().atMost(WAIT).until(() -> gw.counters().setpointsApplied() == 1);

    publish(b03, setpoint(b03, 5, 51, 15)); // stale
    publish(b03, setpoint(b03, 10, 52, 15)); // duplicate seq
    clock.advance(Duration.ofMinutes(1));
    publish(b03, new SetpointMessage(SITE, "B03", 11, T0.minusSeconds(1800), T0.minusSeconds(900), 53,
        null, Mode.AUTO, null, List.of())); // expired
    publish(b03, setpoint(b03, 12, 95, 15)); // above the 80 C circuit maximum
    controller.publish(b03.setpoint(), "{\"schema\":\"heatgrid.setpoint/1\",".getBytes(StandardCharsets.UTF_8), true);
    String turbo = new String(codec.encode(setpoint(b03, 13, 50, 15)), StandardCharsets.UTF_8)
        .replace("\"auto\"", "\"turbo\"");
    controller.publish(b03.setpoint(), turbo.getBytes(StandardCharsets.UTF_8), true);
    controller.publish(b03.setpoint(), codec.encode(setpoint(new Topics(SITE, "B04"), 14, 50, 15)), true);

    await().atMost(WAIT).until(() -> gw.counters().setpointsReceived() == 8);
    GatewayCounters c = gw.counters();
    assertThat(c.setpointsApplied()).isEqualTo(1);
    assertThat(c.setpointsRejected(RejectReason.STALE_SEQ)).isEqualTo(1);
    assertThat(c.setpointsRejected(RejectReason.DUPLICATE)).isEqualTo(1);
    assertThat(c.setpointsRejected(RejectReason.EXPIRED)).isEqualTo(1);
    assertThat(c.setpointsRejected(RejectReason.OUT_OF_RANGE)).isEqualTo(1);
    assertThat(c.setpointsRejected(RejectReason.MALFORMED)).isEqualTo(2);
    assertThat(c.setpointsRejected(RejectReason.WRONG_BUILDING)).isEqualTo(1);
    // What was accepted is kept.
    assertThat(gw.heldSetpoint().orElseThrow().seq()).isEqualTo(10);
    assertThat(substation.lastCommand()).isEqualTo(Command.supply(50));
    assertThat(gw.state()).isEqualTo(GatewayState.ONLINE);
  }

  @Test
  void gateway_fallsBackWhenValidityPassesAndReturnsOnlineOnNewSetpoint() throws Exception {
    Topics b05 = new Topics(SITE, "B05");
    SimulatedSubstation substation = new SimulatedSubstation(clock, "B05", -5);
    EdgeGateway gw = startGateway(b05, substation, BROKER.uri());
    publish(b05, setpoint(b05, 1, 45, 15));
    status(b05, GatewayState.ONLINE);

    clock.advance(Duration.ofMinutes(15));
    StatusMessage fallback = status(b05, GatewayState.FALLBACK, s -> s.reason().contains("expired"));
    assertThat(fallback.reason()).isEqualTo("setpoint 1 expired at 2026-01-05T00:15:00Z");
    assertThat(fallback.since()).isEqualTo(T0.plusSeconds(900));
    assertThat(fallback.lastSetpointSeq()).isEqualTo(1L);
    assertThat(substation.lastCommand()).isEqualTo(LocalFallback.command(substation.outdoorC(), 80));
    assertThat(gw.counters().fallbacks()).isEqualTo(1);
    assertThat(gw.heldSetpoint()).isEmpty();
    TelemetryMessage t = codec.decodeTelemetry(controller.awaitMessage(b05.telemetry(), r -> true).payload());
    assertThat(t.telemetry().localFallback()).isTrue();

    publish(b05, setpoint(b05, 2, 47, 15));
    StatusMessage online = status(b05, GatewayState.ONLINE, s -> s.lastSetpointSeq() == 2L);
    assertThat(online.since()).isEqualTo(clock.instant());
    assertThat(substation.lastCommand()).isEqualTo(Command.supply(47));
  }

  @Test
  void gateway_publishesTelemetryEachPeriodOfItsClock() throws Exception {
    Topics b10 = new Topics(SITE, "B10");
    EdgeGateway gw = startGateway(b10, new SimulatedSubstation(clock, "B10", 0), BROKER.uri());
    status(b10, GatewayState.FALLBACK);
    assertThat(controller.received(b10.telemetry())).isEmpty();

    clock.advance(Duration.ofMinutes(15));
    TelemetryMessage first = codec.decodeTelemetry(
        controller.awaitMessage(b10.telemetry(), r -> true).payload());
    clock.advance(Duration.ofMinutes(15));
    controller.awaitMessage(b10.telemetry(), r -> codec.decodeTelemetry(r.payload()).seq() == 1);
    TelemetryMessage second = codec.decodeTelemetry(controller.received(b10.telemetry()).get(1).payload());

    assertThat(first.seq()).isZero();
    assertThat(first.building()).isEqualTo("B10");
    assertThat(first.periodStart()).isEqualTo(T0);
    assertThat(first.periodEnd()).isEqualTo(T0.plusSeconds(900));
    assertThat(second.periodStart()).isEqualTo(first.periodEnd());
    assertThat(second.periodEnd()).isEqualTo(T0.plusSeconds(1800));
    assertThat(second.telemetry().zones()).isEqualTo(2);
    assertThat(controller.received(b10.telemetry())).allSatisfy(r -> assertThat(r.retained()).isFalse());
    assertThat(gw.counters().telemetryPublished()).isEqualTo(2);
  }

  @Test
  void broker_publishesLastWillOfflineWhenGatewayConnectionDrops_andGatewayReconnects()
      throws Exception {
    Topics b06 = new Topics(SITE, "B06");
    TcpProxy proxy = closeLater(new TcpProxy(BROKER.port()));
    EdgeGateway gw = startGateway(b06, new SimulatedSubstation(clock, "B06", -5), proxy.uri());
    status(b06, GatewayState.FALLBACK);

    proxy.cutAll();

    StatusMessage will = status(b06, GatewayState.OFFLINE);
    assertThat(will.reason()).isEqualTo("connection lost");
    // Automatic reconnect through the same proxy: the gateway says where it stands again.
    controller.clear();
    status(b06, GatewayState.FALLBACK);
    assertThat(gw.counters().connects()).isEqualTo(2);
  }

  @Test
  void gateway_stoppedCleanlyPublishesOfflineItself() throws Exception {
    Topics b11 = new Topics(SITE, "B11");
    EdgeGateway gw = startGateway(b11, new SimulatedSubstation(clock, "B11", -5), BROKER.uri());
    status(b11, GatewayState.FALLBACK);
    gw.close();
    assertThat(status(b11, GatewayState.OFFLINE).reason()).isEqualTo("gateway stopped");
  }

  @Test
  void acl_refusesGatewayWritingAnotherBuildingsTelemetryAndReadingAnotherBuildingsSetpoint()
      throws Exception {
    Topics b07 = new Topics(SITE, "B07");
    Topics b08 = new Topics(SITE, "B08");
    MqttTestClient rogue = closeLater(MqttTestClient.connect(BROKER, "B07", "rogue-B07"));

    // Reading: B07 subscribes to B08's setpoint as well as its own. The controller publishes B08's
    // first, then B07's; once B07's has arrived, B08's would have arrived before it.
    int refused = rogue.subscribe(b08.setpoint());
    assertThat(rogue.subscribe(b07.setpoint())).isLessThan(0x80);
    controller.publish(b08.setpoint(), codec.encode(setpoint(b08, 1, 50, 15)), true);
    controller.publish(b07.setpoint(), codec.encode(setpoint(b07, 1, 50, 15)), true);
    rogue.awaitMessage(b07.setpoint(), r -> true);
    assertThat(rogue.received(b08.setpoint())).isEmpty();

    // Writing: B07 publishes telemetry on B08's topic, then on its own.
    TelemetryMessage fake = new TelemetryMessage(0, T0, T0.plusSeconds(900),
        new SimulatedSubstation(clock, "B08", 0).read());
    int deniedPuback = rogue.publish(b08.telemetry(), codec.encode(fake), false);
    TelemetryMessage own = new TelemetryMessage(0, T0, T0.plusSeconds(900),
        new SimulatedSubstation(clock, "B07", 0).read());
    assertThat(rogue.publish(b07.telemetry(), codec.encode(own), false)).isZero();
    controller.awaitMessage(b07.telemetry(), r -> true);
    assertThat(controller.received(b08.telemetry())).isEmpty();

    // A gateway cannot forge its own setpoint either: only the controller's arrives.
    rogue.clear();
    rogue.publish(b07.setpoint(), codec.encode(setpoint(b07, 99, 70, 15)), true);
    controller.publish(b07.setpoint(), codec.encode(setpoint(b07, 2, 50, 15)), true);
    MqttTestClient.Received got = rogue.awaitMessage(b07.setpoint(), r -> true);
    assertThat(rogue.received(b07.setpoint())).hasSize(1);
    assertThat(codec.decodeSetpoint(got.payload()).seq()).isEqualTo(2);

    // What the broker said: Mosquitto 2.0 grants the foreign subscription (and never delivers on
    // it) and answers the denied QoS 1 publish with PUBACK "not authorized" (0x87).
    assertThat(refused).isIn(1, 0x87);
    assertThat(deniedPuback).isEqualTo(0x87);
  }

  @Test
  void broker_refusesWrongPasswordAndAnonymous() {
    assertThatThrownBy(() -> MqttTestClient.connect(BROKER.uri(), "B12", "wrong", "bad-pw"))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> MqttTestClient.connect(BROKER.uri(), "", "", "anonymous"))
        .isInstanceOf(MqttException.class);
  }

  // ---- helpers

  private EdgeGateway startGateway(Topics topics, Substation substation, String uri) {
    GatewayConfig config = GatewayConfig.of(uri, topics, BROKER.password(topics.building()))
        .withTick(Duration.ofMillis(20))
        .withReconnectMaxSeconds(1);
    EdgeGateway gw = closeLater(new EdgeGateway(config, substation, clock, codec));
    gw.start();
    return gw;
  }

  private void publish(Topics topics, SetpointMessage sp) throws MqttException {
    // Wall-clock expiry of a minute: the test clock does not drive the broker.
    // PUBACK success, or 0x10 "no matching subscribers" before the gateway has subscribed.
    assertThat(controller.publish(topics.setpoint(),
        SetpointPublisher.message(codec.encode(sp), 60))).isIn(0, 0x10);
  }

  private SetpointMessage setpoint(Topics topics, long seq, double supplyC, int validMinutes) {
    Instant now = clock.instant();
    return new SetpointMessage(topics.site(), topics.building(), seq, now,
        now.plusSeconds(60L * validMinutes), supplyC, null, Mode.AUTO, "test", List.of());
  }

  private StatusMessage status(Topics topics, GatewayState state) {
    return status(topics, state, s -> true);
  }

  private StatusMessage status(Topics topics, GatewayState state,
      java.util.function.Predicate<StatusMessage> also) {
    MqttTestClient.Received r = controller.awaitMessage(topics.status(), m -> {
      StatusMessage s = codec.decodeStatus(m.payload());
      return s.state() == state && also.test(s);
    }, WAIT);
    return codec.decodeStatus(r.payload());
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    closeables.add(c);
    return c;
  }
}
