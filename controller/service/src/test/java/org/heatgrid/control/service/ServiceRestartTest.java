package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.FileSink;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.MosquittoBroker;
import org.heatgrid.wire.GatewayState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The control service stops: every gateway falls back once its setpoint expires, and is back under
 * control after a new runtime starts (its seqs continue above the old ones).
 */
class ServiceRestartTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final List<String> IDS = List.of("B06", "B07", "B08");

  @Test
  void gatewaysFallBackAfterExpiryAndReturnUnderControlAfterRestart() throws Exception {
    Clock clock = Loops.clock();
    OperatorState operator = new OperatorState(Loops.site(IDS), e -> {});
    List<EdgeGateway> gws = Loops.gateways(BROKER, clock, IDS);
    try {
      ControlRuntime first = Loops.runtime(BROKER, clock, operator,
          new FileSink(Files.createTempDirectory("heatgrid-srt"), 100));
      first.start();
      await().atMost(Duration.ofSeconds(20))
          .until(() -> gws.stream().allMatch(g -> g.state() == GatewayState.ONLINE));
      long lastSeqOfFirst = IDS.stream()
          .mapToLong(id -> first.loop().lastSetpoint(id).orElseThrow().seq()).max().orElseThrow();
      first.close();

      // Validity is two periods (2 s wall at 900x): then every gateway runs its local curve.
      await().atMost(Duration.ofSeconds(15))
          .until(() -> gws.stream().allMatch(g -> g.state() == GatewayState.FALLBACK));
      assertThat(gws).allMatch(g -> g.counters().fallbacks() == 1);
      assertThat(gws).allMatch(g -> g.status().orElseThrow().reason().contains("expired"));

      try (ControlRuntime second = Loops.runtime(BROKER, clock, operator,
          new FileSink(Files.createTempDirectory("heatgrid-srt"), 100))) {
        second.start();
        await().atMost(Duration.ofSeconds(20))
            .until(() -> gws.stream().allMatch(g -> g.state() == GatewayState.ONLINE));
        assertThat(gws).allMatch(g -> g.heldSetpoint().orElseThrow().seq() > lastSeqOfFirst);
        assertThat(gws).allMatch(g -> g.counters().setpointsRejected() == 0);
      }
    } finally {
      gws.forEach(EdgeGateway::close);
    }
  }
}
