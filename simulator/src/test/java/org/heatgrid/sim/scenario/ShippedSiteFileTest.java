package org.heatgrid.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.site.SiteFile;
import org.junit.jupiter.api.Test;

/**
 * One description of campus16: the control service's shipped site file is the one the campus16
 * scenario gives ({@code ./heatgrid site --scenario campus16 --out
 * controller/service/src/main/resources/sites/campus16.json}), so the service controls the same
 * buildings, schedules and capacities that the simulator runs.
 */
class ShippedSiteFileTest {

  private static final String SHIPPED = "controller/service/src/main/resources/sites/campus16.json";

  @Test
  void theServicesCampus16SiteIsTheScenarios() throws IOException {
    String derived = SiteFile.write(Simulation.site(ScenarioLoader.load("campus16")));
    assertThat(Files.readString(checkoutRoot().resolve(SHIPPED)))
        .as("%s differs from the campus16 scenario; regenerate it with ./heatgrid site "
            + "--scenario campus16 --out %s", SHIPPED, SHIPPED)
        .isEqualTo(derived);
  }

  private static Path checkoutRoot() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(SHIPPED))) {
        return p;
      }
    }
    throw new IllegalStateException(SHIPPED + " not found above " + Paths.get("").toAbsolutePath());
  }
}
