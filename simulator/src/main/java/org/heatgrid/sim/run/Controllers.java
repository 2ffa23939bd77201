package org.heatgrid.sim.run;

import java.util.List;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.scenario.Scenario;

/** The controllers the command line can run, by name, configured from the scenario. */
public final class Controllers {

  private Controllers() {}

  /** Names accepted by {@link #create}. */
  public static List<String> names() {
    return List.of("baseline");
  }

  /** @throws IllegalArgumentException for an unknown name, listing the known ones */
  public static Controller create(String name, Scenario scenario) {
    if (name.equals("baseline")) {
      return new HeatingCurveController(scenario.baseline());
    }
    throw new IllegalArgumentException(
        "unknown controller \"" + name + "\"; known: " + String.join(", ", names()));
  }
}
