package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.FileSink;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.MosquittoBroker;
import org.heatgrid.wire.GatewayState;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker restarts mid-run (losing sessions and retained setpoints): the loop goes on. */
class BrokerRestartTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  private static final List<String> IDS = List.of("B04", "B05");

  @org.junit.jupiter.api.RepeatedTest(3) // two rare races were found by repeating it
  void loopResumes_gatewaysResubscribe_everyBuildingHoldsASetpointAgain() throws Exception {
    Clock clock = Loops.clock();
    OperatorState operator = new OperatorState(Loops.site(IDS), e -> {});
    List<EdgeGateway> gws = Loops.gateways(BROKER, clock, IDS);
    try (ControlRuntime rt = Loops.runtime(BROKER, clock, operator,
        new FileSink(Files.createTempDirectory("heatgrid-brt"), 100))) {
      rt.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> gws.stream()
          .allMatch(g -> g.state() == GatewayState.ONLINE && g.counters().setpointsApplied() >= 2));
      Map<String, Long> before = new HashMap<>();
      gws.forEach(g -> before.put(g.config().topics().building(), g.heldSetpoint().orElseThrow().seq()));

      BROKER.restart();

      long c0 = rt.mqtt().connects();
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> rt.mqtt().connects() > c0
            && gws.stream().allMatch(g -> g.counters().connects() >= 2));
      } catch (Throwable t) {
        System.err.println(Loops.threadDump()); // how the hung Paho connect was found
        throw t;
      }
      try {
        await("every building holds a setpoint published after the restart")
            .atMost(Duration.ofSeconds(20)).until(() -> gws.stream().allMatch(g ->
                g.state() == GatewayState.ONLINE && g.heldSetpoint().isPresent()
                    && g.heldSetpoint().get().seq() > before.get(g.config().topics().building()) + 1));
      } catch (Throwable t) {
        System.err.println("before " + before + ", held " + gws.stream().map(g -> g.heldSetpoint()
            .map(x -> x.seq()).orElse(-1L)).toList() + ", loop " + rt.loop().counters()
            + ", mqtt connects " + rt.mqtt().connects() + " deferred " + rt.mqtt().deferredSetpoints()
            + " inflight waits " + rt.mqtt().inflightWaits() + "\n" + Loops.threadDump());
        String log = BROKER.log();
        System.err.println("BROKER LOG TAIL\n" + log.substring(Math.max(0, log.length() - 60000)));
        throw t;
      }
      long periods = rt.loop().counters().periods();
      await().atMost(Duration.ofSeconds(10)).until(() -> rt.loop().counters().periods() > periods + 1);
      assertThat(rt.loop().counters().controllerFailures()).isZero();
      assertThat(rt.inbox().accepted()).isPositive();
    } finally {
      gws.forEach(EdgeGateway::close);
    }
  }
}
