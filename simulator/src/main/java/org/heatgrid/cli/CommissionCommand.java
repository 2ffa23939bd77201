package org.heatgrid.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.heatgrid.sim.commission.Commissioning;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid commission}: finds the baseline's curve trims and prints them as JSON. */
@Command(name = "commission", mixinStandardHelpOptions = true,
    description = "Commission the baseline heating curves: per building the slope and shift that "
        + "meet occupied-hour comfort with the least heat. Prints the scenario's "
        + "controllers.baseline.trim block.")
final class CommissionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "Scenario file or shipped name (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--from", paramLabel = "DATE") LocalDate from;

  @Option(names = "--to", paramLabel = "DATE") LocalDate to;

  @Option(names = "--seed", defaultValue = "" + Commissioning.DEFAULT_SEED,
      description = "Seed of the commissioning runs, not the evaluation's (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--target-kh", defaultValue = "" + Commissioning.DEFAULT_TARGET_KH,
      description = "Allowed occupied-hour under-temperature per zone over the run, K*h (default: ${DEFAULT-VALUE}).")
  double targetKh;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Scenario s = ScenarioOptions.apply(scenario, from, to, seed);
    Map<String, Commissioning.Result> trims =
        new Commissioning(s, targetKh).run(new ProgressBar(System.err, "commissioning"));
    out.println("\"trim\": {");
    int i = 0;
    for (Map.Entry<String, Commissioning.Result> e : trims.entrySet()) {
      Commissioning.Result r = e.getValue();
      out.printf(Locale.ROOT, "  \"%s\": {\"shift_k\": %.1f, \"slope\": %.1f}%s%n", e.getKey(),
          r.trim().shiftK(), r.trim().slope(), ++i < trims.size() ? "," : "");
    }
    out.println("}");
    trims.forEach((id, r) -> spec.commandLine().getErr().printf(Locale.ROOT,
        "%s: %.1f MWh, occupied under-temperature %.2f K*h/zone%n", id, r.energyMwh(), r.underKh()));
    return 0;
  }
}
