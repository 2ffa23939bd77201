package org.heatgrid.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's side of the simulated edge's child JVM, when the child cannot start. */
class EdgeProcessTest {

  @Test
  void aChildThatEnds_isReportedWithItsExitCode_notWaitedForForever(@TempDir Path dir)
      throws Exception {
    Path credentials = Files.writeString(dir.resolve("credentials"), "site01.B01:pw\n");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (EdgeProcess edge = EdgeProcess.start(19, List.of("-Xmx256m"), List.of(
        "--scenario", dir.resolve("no-such-scenario.yaml").toString(), "--sites", "1",
        "--from", "2026-01-05", "--end", "2026-01-05T06:00:00Z", "--speed", "100",
        "--broker", "tcp://127.0.0.1:1", "--credentials", credentials.toString(),
        "--gateway-tick-ms", "300"), new PrintStream(console, true, StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> edge.await("built", Duration.ofMinutes(2)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ended with exit code")
          .hasMessageContaining("'built'");
    }
  }
}
