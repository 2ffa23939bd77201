package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.heatgrid.sim.compare.Comparison;
import org.heatgrid.sim.compare.SeedSweep;
import org.heatgrid.sim.compare.CompareJson;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.report.CompareReport;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid compare}: several controllers on the same trace, savings against the baseline. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Run controllers on the same scenario, weather, seed and forecast errors; print "
        + "the savings against the baseline and write compare.json and report.html.")
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioSelection selection = new ScenarioSelection();

  @Option(names = "--controllers", paramLabel = "LIST", split = ",", defaultValue = "baseline,mpc,oracle",
      description = "Controllers to compare (default: ${DEFAULT-VALUE}): baseline, best-practice, mpc, "
          + "oracle, the heat bounds ideal and ideal-margin, and the cost-aware ideals ideal-cost "
          + "and ideal-cost-margin (perfect knowledge, preheating); the baseline always runs.")
  List<String> controllers;

  @Mixin
  HotWaterOption hotWater = new HotWaterOption();

  @Mixin
  PlanModelOption planModel = new PlanModelOption();

  @Option(names = "--comfort-margin", paramLabel = "K",
      description = "MPC (and oracle, ideal-margin, ideal-cost-margin): one planned floor margin "
          + "above the comfort band's low edge for every building, K, instead of the default rule "
          + "(a margin per "
          + "building of 2.0 x its model's held-out day-ahead RMSE with two-state models, "
          + "1.75 x with one-state models, chosen by ./heatgrid tune).")
  Double comfortMargin;

  @Option(names = "--margin-per-rmse", paramLabel = "X",
      description = "MPC (and oracle, ideal-margin, ideal-cost-margin): each building's margin is "
          + "X times its model's held-out day-ahead RMSE, plus --comfort-margin if given (default: 2.0 with two-state "
          + "models, 1.75 with one-state; 0 when only "
          + "--comfort-margin is given).")
  Double marginPerRmse;

  @Option(names = "--occupied-share", paramLabel = "X",
      description = "MPC (and oracle): the heat an occupied building keeps at least, as a share "
          + "of the steady heat at its floor, after opening and later (default: 0.8; 0: no "
          + "minimum).")
  Double occupiedShare;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/compare).")
  Path out;

  @Option(names = "--timeseries", description = "Also write DIR/<controller>/timeseries.csv for every run.")
  boolean timeseries;

  @Option(names = "--seeds", paramLabel = "LIST",
      description = "Compare once per seed (e.g. 42-46 or 1,5,9-11), one seed more than there are "
          + "cores at a time: per seed and mean/min/max; writes DIR/seeds.json and "
          + "DIR/seed-N/compare.json. Replaces --seed.")
  String seeds;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    Scenario s = selection.load(null);
    MpcParameters mpc = planModel.apply(hotWater.apply(MpcParameters.DEFAULTS));
    if (comfortMargin != null || marginPerRmse != null) {
      mpc = mpc.withSettings(mpc.settings().withMargins(comfortMargin == null ? 0 : comfortMargin,
          marginPerRmse == null ? 0 : marginPerRmse));
    }
    if (occupiedShare != null) {
      if (!(occupiedShare >= 0 && occupiedShare <= 1)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--occupied-share must lie in [0, 1], not " + occupiedShare);
      }
      mpc = mpc.withSettings(mpc.settings().withOccupiedShares(occupiedShare, occupiedShare));
    }
    Path dir = out != null ? out : Path.of("runs", "compare");
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    if (seeds != null) {
      return sweep(stdout, s, mpc, dir, t0);
    }
    Comparison c = Comparison.run(s, controllers, mpc);
    CompareJson.write(c, dir.resolve("compare.json"));
    CompareReport.write(c, dir.resolve("report.html"));
    if (timeseries) {
      for (var e : c.runs().entrySet()) {
        Files.createDirectories(dir.resolve(e.getKey()));
        org.heatgrid.sim.output.TimeseriesCsv.write(e.getValue(), dir.resolve(e.getKey()).resolve("timeseries.csv"));
      }
    }
    stdout.printf(Locale.ROOT, "%s, %s to %s, seed %d, forecast error %s%n", s.name(), s.from(), s.to(),
        s.seed(), s.forecastError().name().toLowerCase(Locale.ROOT));
    CompareTables.cluster(stdout, c);
    CompareTables.buildings(stdout, c);
    CompareTables.costBounds(stdout, c);
    CompareTables.measured(stdout, c);
    for (String name : c.runs().keySet()) {
      if (!name.equals("baseline")) {
        stdout.println(CompareReport.statement(c, name));
      }
    }
    c.fallbackReasons().forEach((name, reasons) -> {
      if (!reasons.isEmpty()) {
        stdout.println(name + " fell back to the heating curve: " + reasons);
      }
    });
    stdout.printf(Locale.ROOT, "compared %d controllers in %.1f s; wrote %s and report.html%n",
        c.runs().size(), (System.nanoTime() - t0) / 1e9, dir.resolve("compare.json"));
    return 0;
  }

  private int sweep(PrintWriter stdout, Scenario s, MpcParameters mpc, Path dir, long t0)
      throws Exception {
    if (selection.seed != null) {
      throw new IllegalArgumentException("--seeds replaces --seed: give one of them");
    }
    List<Long> list = SeedSweep.parseSeeds(seeds);
    SeedSweep sweep = SeedSweep.run(s, list, controllers, mpc, SeedSweep.SEEDS_AT_A_TIME);
    for (var e : sweep.comparisons().entrySet()) {
      Path d = dir.resolve("seed-" + e.getKey());
      Files.createDirectories(d);
      CompareJson.write(e.getValue(), d.resolve("compare.json"));
    }
    CompareJson.write(sweep, dir.resolve("seeds.json"));
    stdout.printf(Locale.ROOT, "%s, %s to %s, seeds %s, forecast error %s%n", s.name(), s.from(),
        s.to(), seeds, s.forecastError().name().toLowerCase(Locale.ROOT));
    CompareTables.seeds(stdout, sweep);
    stdout.printf(Locale.ROOT, "compared %d controllers on %d seeds in %.1f s; wrote %s%n",
        sweep.controllers().size(), list.size(), (System.nanoTime() - t0) / 1e9,
        dir.resolve("seeds.json"));
    return 0;
  }
}
