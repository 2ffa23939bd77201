package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.sim.commission.Commissioning;
import org.heatgrid.sim.compare.SeedSweep;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.tune.TuneJson;
import org.heatgrid.sim.tune.Tuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heatgrid tune}: the MPC's comfort margin rule chosen on a validation season. */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = {"Choose the MPC's comfort margin rule (one margin for all buildings, or a "
        + "margin per building from its model's held-out error) on a validation season: the MPC's history "
        + "weather and period (never the evaluation's) under new seeds, each candidate against "
        + "the baseline (by default commissioned on that season, as the shipped one is on the "
        + "evaluation season). The cheapest candidate whose occupied discomfort is at or below "
        + "the baseline's on every seed, with no building more than 0.5 K*h/zone above its own "
        + "baseline figure, is chosen. Writes DIR/tune.json. The evaluation (compare) then runs "
        + "once with the chosen value."})
final class TuneCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "Scenario whose MPC is tuned (default: ${DEFAULT-VALUE}); only its campus, "
          + "tariff and baseline are used, on the history's weather and period.")
  String scenario;

  @Option(names = "--margins", paramLabel = "LIST|none",
      defaultValue = "0.3,0.4,0.5,0.6,0.8,1.0,1.1,1.2",
      description = "Candidate comfort margins, one for every building, K, or none (default: "
          + "${DEFAULT-VALUE}).")
  String margins;

  @Option(names = "--rmse-margins", paramLabel = "LIST|none",
      defaultValue = "1.25,1.5,1.75,2.0",
      description = "Further candidates: each building's margin is this many times its model's "
          + "held-out day-ahead RMSE, or none (default: ${DEFAULT-VALUE}).")
  String rmseMargins;

  @Option(names = "--occupied-shares", paramLabel = "LIST", split = ",", defaultValue = "0.8",
      description = "Candidate shares of the occupied minimum (the heat an occupied building "
          + "keeps, as a share of the steady heat at its floor; 0: none), each with every margin "
          + "(default: ${DEFAULT-VALUE}).")
  List<Double> occupiedShares;

  @Option(names = "--seeds", paramLabel = "LIST", defaultValue = "101-102",
      description = "Validation seeds (default: ${DEFAULT-VALUE}); not the history's (7) or the "
          + "evaluation's.")
  String seeds;

  @Option(names = "--baseline", paramLabel = "commissioned|shipped", defaultValue = "commissioned",
      description = "The heating curve the candidates are measured against on validation: "
          + "commissioned on the validation season (seed 1, as the shipped trims were on the "
          + "evaluation season) or shipped (the evaluation's trims on the validation weather) "
          + "(default: ${DEFAULT-VALUE}).")
  String baseline;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/tune).")
  Path out;

  @picocli.CommandLine.Mixin
  PlanModelOption planModel = new PlanModelOption();

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    Scenario evaluation = ScenarioLoader.load(scenario);
    List<Long> seedList = SeedSweep.parseSeeds(seeds);
    Path dir = out != null ? out : Path.of("runs", "tune");
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    List<Tuning.Margin> candidates = new ArrayList<>();
    numbers("--margins", margins).forEach(m -> candidates.add(Tuning.Margin.uniform(m)));
    numbers("--rmse-margins", rmseMargins)
        .forEach(m -> candidates.add(Tuning.Margin.perModelError(m)));
    if (candidates.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--margins and --rmse-margins are both none: no candidate to tune");
    }
    if (!baseline.equals("commissioned") && !baseline.equals("shipped")) {
      throw new ParameterException(spec.commandLine(),
          "--baseline must be commissioned or shipped, not \"" + baseline + "\"");
    }
    Tuning t = Tuning.run(evaluation, planModel.apply(MpcParameters.DEFAULTS), candidates,
        occupiedShares, seedList, SeedSweep.SEEDS_AT_A_TIME, baseline.equals("commissioned"));
    stdout.printf(Locale.ROOT, "validation: %s, %s to %s, seeds %s (evaluation: %s, %s to %s, "
        + "seed %d: not read)%n", t.validation().weatherName(), t.validation().from(),
        t.validation().to(), seedList, evaluation.weatherName(), evaluation.from(),
        evaluation.to(), evaluation.seed());
    stdout.println(t.baselineCommissioned()
        ? "baseline: the heating curve commissioned on the validation season (seed "
            + Commissioning.DEFAULT_SEED + "), as the shipped trims were on the evaluation season"
        : "baseline: the evaluation's trims as shipped, on the validation weather");
    t.lines().forEach(stdout::println);
    stdout.printf(Locale.ROOT, "chosen comfort margin: %s, occupied share %.2f%s; tuned in %.1f s;"
        + " wrote %s%n", t.chosen().margin(), t.chosen().occupiedShare(), t.admissible() ? ""
            : " (no candidate met the comfort rule on every seed: closest chosen)",
        (System.nanoTime() - t0) / 1e9, dir.resolve("tune.json"));
    String command = "./heatgrid tune --scenario " + scenario + " --margins " + margins
        + " --rmse-margins " + rmseMargins + " --occupied-shares "
        + String.join(",", occupiedShares.stream().map(String::valueOf).toList())
        + (planModel.planModel == null ? "" : " --plan-model " + planModel.planModel)
        + " --seeds " + seeds + " --baseline " + baseline;
    TuneJson.write(t, command, dir.resolve("tune.json"));
    return 0;
  }

  /** A comma-separated list of numbers, or none; a bad entry is a usage error naming the option. */
  private List<Double> numbers(String option, String text) {
    List<Double> out = new ArrayList<>();
    if (text.trim().equalsIgnoreCase("none")) {
      return out;
    }
    for (String part : text.split(",")) {
      try {
        out.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(),
            option + ": \"" + part + "\" is not a number (a comma-separated list, or none)");
      }
    }
    return out;
  }
}
