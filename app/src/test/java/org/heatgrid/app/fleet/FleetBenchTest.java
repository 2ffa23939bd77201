package org.heatgrid.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small fleet through the real pieces: 3 sites of campus16 (48 buildings), each with its own
 * control runtime and MPC and 16 gateways, through one real Mosquitto with the fleet ACL, for a
 * quarter of a simulated day at 600x. The full bench (64 sites, 2 days) is a command, not a test.
 */
class FleetBenchTest {

  @Test
  void threeSites_everyBuildingGetsEverySetpoint_andTheReportSaysSo(@TempDir Path out)
      throws Exception {
    FleetOptions o = FleetOptions.defaults(out).withSites(3).withDays(0.25).withSpeed(600);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    FleetReport r = FleetBench.run(o, new PrintStream(console, true, StandardCharsets.UTF_8));

    int periods = 24; // 6 h of 15-min periods
    assertThat(r.buildings).isEqualTo(48);
    assertThat(r.periods).isEqualTo(periods);
    assertThat(r.expectedSetpoints).isEqualTo(48L * periods);
    assertThat(r.applied).isEqualTo(r.expectedSetpoints);
    assertThat(r.missed).isZero();
    assertThat(r.fallbacks).isZero();
    assertThat(r.telemetryReceived).isEqualTo(r.telemetryExpected);
    assertThat(r.controllerFailures).isZero();
    assertThat(r.curveCommands).as("every period planned by the MPC").isZero();
    // The first period's plan is made while the clock is held, before the measured window.
    assertThat(r.plans).isGreaterThanOrEqualTo(3L * (periods - 1));
    assertThat(r.planCpuP50Ms).isPositive();
    assertThat(r.barMissed()).isTrue();
    assertThat(r.barBuildings()).as("48 buildings are not the 1,024 of the bar").isFalse();

    JsonNode json = new ObjectMapper().readTree(out.resolve("fleet.json").toFile());
    assertThat(json.toString()).contains("\"sites\":3");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("missed setpoints    0");
  }
}
