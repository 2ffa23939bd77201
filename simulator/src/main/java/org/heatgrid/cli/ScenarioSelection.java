package org.heatgrid.cli;

import java.time.LocalDate;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Option;

/** The options that choose a scenario and override its period and seed, shared by commands. */
final class ScenarioSelection {

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "Scenario file (JSON or YAML), or the name of a shipped one (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--from", paramLabel = "DATE", description = "First day (default: the scenario's).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive (default: the scenario's).")
  LocalDate to;

  @Option(names = "--seed", description = "Random seed (default: the scenario's).")
  Long seed;

  /** @param weather another weather year (file or shipped name), or null for the scenario's */
  Scenario load(String weather) {
    return ScenarioOptions.apply(scenario, from, to, seed, weather);
  }
}
