package org.heatgrid.control.service.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.PayloadCodec;
import org.junit.jupiter.api.Test;

class ControlRuntimeTest {

  /** Regression: periods run before the first connection burnt a seq per building on a failed publish. */
  @Test
  void start_withoutBroker_runsNoPeriodAndBurnsNoSeq() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nobody listens there
    }
    Site site = SiteFile.read("classpath:sites/campus16.json", List.of("B01"));
    MqttSettings mqtt = new MqttSettings("tcp://127.0.0.1:" + port, "controller", "pw", "rt-test", 1);
    RuntimeSettings settings = new RuntimeSettings(site, mqtt,
        SimulatedClock.running(Instant.parse("2026-01-05T00:00:00Z"), 900), 900, Duration.ofMillis(10),
        LoopSettings.of(Duration.ofMinutes(15), 1), Duration.ofHours(6));
    try (ControlRuntime rt = new ControlRuntime(settings, null,
        new OperatorState(site, e -> {}), new FileSink(Files.createTempDirectory("rt-test"), 10),
        new PayloadCodec())) {
      rt.start();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
          .until(() -> rt.loop().counters().periods() == 0);
      assertThat(rt.loop().counters().publishFailures()).isZero();
      assertThat(rt.loop().lastSetpoint("B01")).isEmpty();
      assertThat(rt.secondsSinceTick()).isLessThan(1);
    }
  }
}
