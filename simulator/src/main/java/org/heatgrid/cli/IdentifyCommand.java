package org.heatgrid.cli;

import org.heatgrid.control.mpc.model.TwoStateModel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.IdentifiedModel;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid identify}: the MPC's building models from the scenario's history period. */
@Command(name = "identify", mixinStandardHelpOptions = true,
    description = "Run the scenario's history period under the baseline, identify every building's "
        + "thermal model and emitter from the recorded telemetry, print their fit on held-out days "
        + "and write models.json.")
final class IdentifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "Scenario file (JSON or YAML), or the name of a shipped one (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/models).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    Scenario s = ScenarioOptions.apply(scenario, null, null, null);
    long t0 = System.nanoTime();
    // Both models, so that both fits are printed; the first table's margins are those of the
    // one-state rule (1.75 x).
    MpcSetup.Prepared p = MpcSetup.prepare(s, MpcParameters.DEFAULTS);
    stdout.println("history: " + p.history());
    stdout.printf(Locale.ROOT, "%-8s %8s %9s %7s %8s %8s %8s %8s %7s | %9s %9s %8s | %8s %5s %7s %8s%n",
        "building", "UA kW/K", "C kWh/K", "tau h", "solar", "occ kW", "base kW", "air K/MW", "occ K",
        "1-step K", "24 h K", "bias K", "emit K", "n", "spread", "margin K");
    double[] margins = org.heatgrid.control.mpc.MpcSettings.DEFAULTS.marginsK(p.identified().stream()
        .mapToDouble(m -> m.heldOut().horizonRmseK()).toArray());
    int row = 0;
    for (IdentifiedModel m : p.identified()) {
      ThermalModel t = m.model();
      FitQuality q = m.heldOut();
      PlanModel pm = p.models().get(m.buildingId());
      stdout.printf(Locale.ROOT,
          "%-8s %8.2f %9.0f %7.1f %8.3f %8.1f %8.1f %8.2f %7.2f | %9.3f %9.3f %8.3f | %8.3f %5.2f %7.2f %8.2f%n",
          m.buildingId(), t.uaKwPerK(), t.capacityKwhPerK(), t.timeConstantHours(), t.solarKwPerWm2(),
          t.gainsOccupiedKw(), t.gainsBaseKw(), 1000 * t.airPerKw(), t.occupiedAirK(), q.oneStepRmseK(), q.horizonRmseK(), q.biasK(),
          m.emitter().kwPerKn(), m.emitter().exponent(), pm.zoneSpreadK(), margins[row++]);
    }
    printTwoStateFits(stdout, p);
    stdout.println("held-out days: every " + MpcParameters.DEFAULTS.heldOutEveryNthDay()
        + "th day of the history; 24 h K = RMSE of 24-hour open-loop simulations from each midnight;"
        + " margin K = the MPC's planned floor above the band's edge (MpcSettings.marginK)");
    Path dir = out != null ? out : Path.of("runs", "models");
    Files.createDirectories(dir);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("models.json").toFile(), p.models());
    stdout.printf(Locale.ROOT, "identified %d buildings in %.1f s; wrote %s%n", p.identified().size(),
        (System.nanoTime() - t0) / 1e9, dir.resolve("models.json"));
    return 0;
  }

  /**
   * The two-state models (air and structure) beside the one-state ones, on the same held-out
   * days, with the margin the MPC plans when it plans with them ({@code --plan-model two-state}).
   */
  private static void printTwoStateFits(PrintWriter stdout, MpcSetup.Prepared p) {
    stdout.println("two-state models (air + structure), the same held-out days:");
    stdout.printf(Locale.ROOT, "%-8s %8s %8s %8s %8s %9s %7s %7s | %9s %9s %8s | %9s %8s%n",
        "building", "Hao kW/K", "Ham kW/K", "Hmo kW/K", "Ca kWh/K", "Cm kWh/K", "air h", "UA",
        "1-step K", "24 h K", "bias K", "1-state", "margin K");
    double[] margins = MpcSetup.plannedMarginsK(MpcParameters.DEFAULTS.settings(), p);
    int row = 0;
    for (PlanModel pm : p.models().values()) {
      double margin = margins[row++];
      TwoStateModel m = pm.twoState();
      if (m == null) {
        stdout.println(pm.buildingId() + ": no two-state model (see the log); planned one-state");
        continue;
      }
      FitQuality q = pm.twoStateHeldOut();
      stdout.printf(Locale.ROOT,
          "%-8s %8.2f %8.1f %8.2f %8.1f %9.0f %7.2f %7.2f | %9.3f %9.3f %8.3f | %9.3f %8.2f%n",
          pm.buildingId(), m.airToOutdoorKwPerK(), m.airToMassKwPerK(), m.massToOutdoorKwPerK(),
          m.airCapacityKwhPerK(), m.massCapacityKwhPerK(),
          m.airCapacityKwhPerK() / (m.airToOutdoorKwPerK() + m.airToMassKwPerK()), m.uaKwPerK(),
          q.oneStepRmseK(), q.horizonRmseK(), q.biasK(), pm.heldOut().horizonRmseK(), margin);
    }
  }
}
