package org.heatgrid.sim.controllers;

import java.util.List;
import java.util.function.Supplier;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.baseline.BestPracticeController;
import org.heatgrid.control.baseline.BestPracticeSettings;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.oracle.OracleController;
import org.heatgrid.sim.run.IdealHeating;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;

/** The controllers the command line can run, by name, configured from the scenario. */
public final class Controllers {

  private Controllers() {}

  /** Names accepted by {@link #create}. */
  public static List<String> names() {
    return List.of("baseline", "best-practice", "mpc", "oracle", "ideal", "ideal-margin",
        "ideal-cost", "ideal-cost-margin");
  }

  /**
   * A controller ready to run {@code scenario}. The MPC is prepared from its history period
   * first; the oracle from a baseline run of the scenario itself.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Controller create(String name, Scenario scenario) {
    return create(name, scenario, MpcParameters.DEFAULTS,
        () -> new Simulation(scenario).run(new HeatingCurveController(scenario.baseline())));
  }

  /**
   * @param mpc how the MPC (and the oracle's MPC) is prepared
   * @param baseline the baseline run of {@code scenario} the oracle learns from, asked for only
   *     when the oracle is created (a comparison passes the run it already has)
   */
  public static Controller create(String name, Scenario scenario, MpcParameters mpc,
      Supplier<RunResult> baseline) {
    return create(name, scenario, mpc, baseline, () -> MpcSetup.prepare(scenario, mpc));
  }

  /** Whether any of {@code names} plans with the MPC's preparation (its models, its margins). */
  public static boolean anyPrepared(List<String> names) {
    return names.contains("mpc") || names.contains("ideal-margin")
        || names.contains("ideal-cost-margin");
  }

  /**
   * @param prepared the MPC's models from its history, asked for only by the controllers that
   *     plan with them ({@link #anyPrepared}); may be shared ({@link MpcSetup#shared})
   */
  public static Controller create(String name, Scenario scenario, MpcParameters mpc,
      Supplier<RunResult> baseline, Supplier<MpcSetup.Prepared> prepared) {
    return switch (name) {
      case "baseline" -> new HeatingCurveController(scenario.baseline());
      case "best-practice" ->
          new BestPracticeController(scenario.baseline(), BestPracticeSettings.DEFAULTS);
      case "mpc" -> MpcSetup.controller(scenario, mpc, prepared.get());
      case "oracle" -> new OracleController(scenario, baseline.get(), mpc);
      case "ideal" -> new IdealHeating();
      case "ideal-margin" ->
          new IdealHeating("ideal-margin", MpcSetup.plannedMarginsK(scenario, mpc, prepared));
      case "ideal-cost" -> costAware(scenario, "ideal-cost", null);
      case "ideal-cost-margin" -> costAware(scenario, "ideal-cost-margin",
          MpcSetup.plannedMarginsK(scenario, mpc, prepared));
      default -> throw new IllegalArgumentException(
          "unknown controller \"" + name + "\"; known: " + String.join(", ", names()));
    };
  }

  /** The cost-aware ideal, after a run of the least-heat source at the same margins. */
  private static IdealHeating costAware(Scenario scenario, String name, double[] marginK) {
    RunResult leastHeat =
        new Simulation(scenario).run(new IdealHeating(name + " (least heat)", marginK));
    return IdealHeating.costAware(name, marginK, scenario.tariff(), scenario.from(), scenario.to(),
        leastHeat);
  }
}
