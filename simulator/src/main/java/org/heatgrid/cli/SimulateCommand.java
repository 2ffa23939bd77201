package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.controllers.Controllers;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.output.KpiJson;
import org.heatgrid.sim.output.KpiTable;
import org.heatgrid.sim.output.MeterExport;
import org.heatgrid.sim.output.TimeseriesCsv;
import org.heatgrid.sim.report.RunReport;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid simulate}: one controller over a scenario, with KPIs, CSV and report. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a heating season under one controller; print KPIs and write "
        + "kpis.json, timeseries.csv and report.html.")
final class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioSelection selection = new ScenarioSelection();

  @Option(names = "--controller", paramLabel = "NAME",
      description = "Controller to run (default: the scenario's): baseline, best-practice, mpc, oracle, the bounds ideal and ideal-margin, or the cost-aware ideals ideal-cost and ideal-cost-margin.")
  String controller;

  @Mixin
  HotWaterOption hotWater = new HotWaterOption();

  @Mixin
  PlanModelOption planModel = new PlanModelOption();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output directory (default: runs/<scenario>-<controller>).")
  Path out;

  @Option(names = "--weather", paramLabel = "FILE|NAME",
      description = "Another weather year: an EPW file or a shipped one (KOR_SO_Seoul.WS.471080_TMYx.2011-2025.epw).")
  String weather;

  @Option(names = "--meters", paramLabel = "FILE",
      description = "Also write the gateways' metered heat as a meter CSV (history for the forecaster).")
  Path meters;

  @Option(names = "--meters-minutes", paramLabel = "MIN", defaultValue = "60",
      description = "Interval of the --meters file (default: ${DEFAULT-VALUE}).")
  int metersMinutes;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    Scenario s = selection.load(weather);
    MpcParameters mpc = planModel.apply(hotWater.apply(MpcParameters.DEFAULTS));
    String name = controller != null ? controller : s.controller();
    if (!Controllers.names().contains(name)) {
      throw new IllegalArgumentException("unknown controller \"" + name + "\"; known: "
          + String.join(", ", Controllers.names()));
    }
    Path dir = out != null ? out : Path.of("runs", s.name() + "-" + name);
    Files.createDirectories(dir);
    ProgressBar bar = new ProgressBar(quiet ? NullStream.INSTANCE : System.err, name);
    RunResult r = new Simulation(s).run(Controllers.create(name, s, mpc,
        () -> new Simulation(s).run(new HeatingCurveController(s.baseline()))), bar);
    KpiReport k = KpiReport.of(r);
    KpiReport baseline = name.equals("baseline") ? k
        : KpiReport.of(new Simulation(s).run(Controllers.create("baseline", s)));
    KpiJson.write(KpiJson.toJson(k, k.ratioTo(baseline), r), dir.resolve("kpis.json"));
    TimeseriesCsv.write(r, dir.resolve("timeseries.csv"));
    RunReport.write(r, k, dir.resolve("report.html"));
    if (meters != null) {
      MeterExport.write(r, java.time.Duration.ofMinutes(metersMinutes), meters);
    }
    stdout.printf(Locale.ROOT, "%s, controller %s, %s to %s, seed %d%n", s.name(), name, s.from(),
        s.to(), s.seed());
    stdout.print(KpiTable.text(k));
    stdout.printf(Locale.ROOT, "simulated %d days in %.2f s: %.0f times faster than real time%n",
        s.days() + s.warmupDays(), r.stats().wallSeconds(), r.stats().speedup());
    if (r.stats().fallbackCommands() > 0) {
      stdout.printf("fallbacks: %d building-steps on the local curve, %d controller failures%n",
          r.stats().fallbackCommands(), r.stats().controllerFailures());
    }
    stdout.println("wrote " + dir.resolve("kpis.json") + ", timeseries.csv, report.html");
    return 0;
  }
}
