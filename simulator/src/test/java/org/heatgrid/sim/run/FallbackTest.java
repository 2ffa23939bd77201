package org.heatgrid.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class FallbackTest {

  private static final Scenario DAY = ScenarioLoader.load("campus16")
      .withPeriod(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 6));

  @Test
  void nanSetpointsRunTheLocalCurveAndAreCounted() {
    RunResult r = new Simulation(DAY).run(new Fixed(Double.NaN));
    assertThat(r.stats().fallbackCommands()).isEqualTo(96L * 16);
    assertThat(java.util.Arrays.stream(r.setpointC()[0]).allMatch(Double::isFinite)).isTrue();
    for (int b = 0; b < 16; b++) {
      assertThat(r.meanIndoorC(b, 95)).as("building %d at night", b).isBetween(17.0, 28.0);
    }
  }

  @Test
  void aControllerThatThrowsDoesNotStopTheRun() {
    Controller failing = new Fixed(50) {
      int calls;

      @Override
      public Decision decide(Observation o) {
        if (++calls % 2 == 0) {
          throw new IllegalStateException("solver failed");
        }
        return super.decide(o);
      }
    };
    RunResult r = new Simulation(DAY).run(failing);
    assertThat(r.steps()).isEqualTo(96);
    // Every second call fails: half of the day's 96 steps, each a fallback for all 16 buildings.
    assertThat(r.stats().controllerFailures()).isEqualTo(48);
    assertThat(r.stats().fallbackCommands()).isEqualTo(48L * 16);
  }

  @Test
  void validCommandsAreAppliedAsGiven() {
    RunResult r = new Simulation(DAY).run(new Fixed(55));
    assertThat(r.stats().fallbackCommands()).isZero();
    assertThat(r.setpointC()[3]).containsOnly(55.0);
  }

  /** Sends one setpoint to every building. */
  static class Fixed implements Controller {
    private final double supply;
    private Site site;

    Fixed(double supply) {
      this.supply = supply;
    }

    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public void start(Site s) {
      site = s;
    }

    @Override
    public Decision decide(Observation o) {
      Map<String, Command> c = new HashMap<>();
      for (BuildingInfo b : site.buildings()) {
        c.put(b.id(), Command.supply(supply));
      }
      return new Decision(c);
    }
  }
}
