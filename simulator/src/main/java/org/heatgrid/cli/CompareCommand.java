package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.heatgrid.sim.compare.Comparison;
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
      description = "Controllers to compare (default: ${DEFAULT-VALUE}); the baseline always runs.")
  List<String> controllers;

  @Mixin
  HotWaterOption hotWater = new HotWaterOption();

  @Option(names = "--comfort-margin", paramLabel = "K",
      description = "MPC: planned floor above the comfort band's low edge (default: 0.35).")
  Double comfortMargin;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/compare).")
  Path out;

  @Option(names = "--timeseries", description = "Also write DIR/<controller>/timeseries.csv for every run.")
  boolean timeseries;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    Scenario s = selection.load(null);
    MpcParameters mpc = hotWater.apply(MpcParameters.DEFAULTS);
    if (comfortMargin != null) {
      mpc = mpc.withSettings(mpc.settings().withComfortMargin(comfortMargin));
    }
    Path dir = out != null ? out : Path.of("runs", "compare");
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
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
    stdout.printf(Locale.ROOT, "%-9s %10s %9s %7s %10s %7s %9s %10s %8s %9s%n", "controller", "cost MKRW",
        "saved MKRW", "saved %", "energy MWh", "ratio", "peak kW", "tdis occ", "oracle %", "fallbacks");
    KpiSet b = c.baseline().cluster();
    for (String name : c.runs().keySet()) {
      KpiSet k = c.kpis().get(name).cluster();
      double share = c.shareOfOracle(name);
      long fb = c.fallbackReasons().getOrDefault(name, Map.of()).values().stream().mapToLong(Long::longValue).sum();
      stdout.printf(Locale.ROOT, "%-10s %10.1f %9.1f %7.1f %10.0f %7.3f %9.0f %10.2f %8s %9d%n", name,
          k.costKrw() / 1e6, c.savingsKrw(name) / 1e6, 100 * c.savingsKrw(name) / b.costKrw(), k.energyMwh(),
          k.energyMwh() / b.energyMwh(), k.peakKw(), k.tdisOccupiedKhPerZone(),
          name.equals("baseline") || !Double.isFinite(share) ? "" : String.format(Locale.ROOT, "%.0f", 100 * share), fb);
    }
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
}
