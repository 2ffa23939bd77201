package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.control.loop.TelemetryRejection;
import org.heatgrid.control.service.adapter.BufferedInfluxWriter;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.MosquittoBroker;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.Topics;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.heatgrid.learn.InfluxServer;

/**
 * The closed loop over a real Mosquitto with a real InfluxDB: three gateways on simulated
 * substations, the service's runtime on a clock 900 times faster than real time.
 */
class ClosedLoopTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();
  @RegisterExtension
  static final InfluxServer INFLUX = new InfluxServer();

  private static final List<String> IDS = List.of("B01", "B02", "B03");

  @Test
  void everyGatewayReceivesEverySetpoint_malformedTelemetryIsCounted_andAllIsPersisted()
      throws Exception {
    Clock clock = Loops.clock();
    OperatorState operator = new OperatorState(Loops.site(IDS), e -> {});
    BufferedInfluxWriter influx = new BufferedInfluxWriter(INFLUX.url(), "closedloop", 100_000,
        5000, Duration.ofMillis(200));
    List<EdgeGateway> gws = Loops.gateways(BROKER, clock, IDS);
    await().atMost(Duration.ofSeconds(15)).until(() -> gws.stream().allMatch(EdgeGateway::isConnected));
    ControlRuntime rt = Loops.runtime(BROKER, clock, operator, influx);
    long firstSeq = rt.settings().loop().firstSeq();
    TelemetryInbox inbox = rt.inbox();
    try {
      rt.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> rt.loop().counters().periods() >= 3
          && inbox.accepted() >= 6);
      assertThat(gws).allMatch(g -> g.state() == GatewayState.ONLINE);

      // Bad telemetry, each case once, while the loop runs.
      try (Loops.Raw b01 = Loops.client(BROKER, "B01", "bad-b01");
          Loops.Raw spy = Loops.client(BROKER, "controller", "spy")) {
        AtomicReference<byte[]> captured = new AtomicReference<>();
        spy.client().setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
          @Override
          public void messageArrived(String t, org.eclipse.paho.mqttv5.common.MqttMessage m) {
            captured.compareAndSet(null, m.getPayload());
          }

          @Override
          public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

          @Override
          public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {}

          @Override
          public void connectComplete(boolean reconnect, String uri) {}

          @Override
          public void authPacketArrived(int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
        });
        spy.client().subscribe(new Topics("campus16", "B02").telemetry(), 1);
        String b01Topic = new Topics("campus16", "B01").telemetry();
        b01.publish(b01Topic, "{\"schema\": \"heatgrid.telemetry/1\", ");
        b01.publish(b01Topic, valid("B01", 7).replace("\"heat_kw\": 10.0", "\"heat_kw\": NaN"));
        b01.publish(b01Topic, valid("B01", 8).replace("\"heat_kw\": 10.0", "\"heat_kw\": \"hot\""));
        b01.publish(b01Topic, valid("B99", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> captured.get() != null);
        // The same message again, as B02 (a replay: its period is not newer than the accepted one).
        try (Loops.Raw b02 = Loops.client(BROKER, "B02", "replay-b02")) {
          b02.publish(new Topics("campus16", "B02").telemetry(), captured.get());
        }
      }
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(inbox.rejected(TelemetryRejection.MALFORMED_JSON)).isEqualTo(1);
        assertThat(inbox.rejected(TelemetryRejection.NON_FINITE)).isEqualTo(1);
        assertThat(inbox.rejected(TelemetryRejection.SCHEMA)).isEqualTo(1);
        assertThat(inbox.rejected(TelemetryRejection.UNKNOWN_BUILDING))
            .as(inbox.rejectedCounts() + " " + inbox.lastRejection()).isEqualTo(1);
        assertThat(inbox.rejected(TelemetryRejection.REPLAYED)).isEqualTo(1);
      });
      long periods = rt.loop().counters().periods();
      await().atMost(Duration.ofSeconds(10)).until(() -> rt.loop().counters().periods() >= periods + 2);
      assertThat(gws).allMatch(g -> g.state() == GatewayState.ONLINE);
    } finally {
      rt.close(); // flushes InfluxDB
    }

    long published = 0;
    for (int i = 0; i < IDS.size(); i++) {
      String id = IDS.get(i);
      EdgeGateway g = gws.get(i);
      long lastSeq = rt.loop().lastSetpoint(id).orElseThrow().seq();
      long n = lastSeq - firstSeq + 1;
      published += n;
      await(id + " receives all " + n + " setpoints").atMost(Duration.ofSeconds(10))
          .until(() -> g.counters().setpointsApplied() == n);
      assertThat(g.counters().setpointsRejected()).as(id + " rejected").isZero();
      assertThat(g.heldSetpoint().orElseThrow().seq()).isEqualTo(lastSeq);
    }
    assertThat(published).isEqualTo(rt.loop().counters().published());
    gws.forEach(EdgeGateway::close);

    try (InfluxDB db = InfluxDBFactory.connect(INFLUX.url())) {
      assertThat(count(db, "SELECT count(seq) FROM setpoint")).isEqualTo(published);
      assertThat(count(db, "SELECT count(seq) FROM telemetry")).isEqualTo(inbox.accepted());
      assertThat(count(db, "SELECT count(decide_s) FROM loop")).isEqualTo(rt.loop().counters().periods());
      assertThat(count(db, "SELECT count(outdoor_c) FROM forecast")).isPositive();
    }
    assertThat(influx.dropped()).isZero();
  }

  static long count(InfluxDB db, String q) {
    QueryResult r = db.query(new Query(q, "closedloop"));
    var series = r.getResults().get(0).getSeries();
    if (series == null) {
      return 0;
    }
    return ((Number) series.get(0).getValues().get(0).get(1)).longValue();
  }

  private static String valid(String building, long seq) {
    return "{\"schema\": \"heatgrid.telemetry/1\", \"building\": \"" + building + "\", \"seq\": " + seq
        + ", \"period_start\": \"2030-01-01T00:00:00Z\", \"period_end\": \"2030-01-01T00:15:00Z\","
        + " \"heat_kw\": 10.0, \"primary_supply_c\": null, \"primary_return_c\": null,"
        + " \"primary_flow_m3h\": null, \"secondary_supply_c\": null, \"secondary_return_c\": null,"
        + " \"secondary_flow_m3h\": null, \"zone_temps_c\": [21.0], \"outdoor_c\": -2.0,"
        + " \"local_fallback\": false}";
  }
}
