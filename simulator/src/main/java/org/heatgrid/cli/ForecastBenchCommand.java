package org.heatgrid.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.heatgrid.sim.controllers.Controllers;
import org.heatgrid.sim.output.MeterExport;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid forecast bench}: inference time of the controller's forecast, every campus16
 * building 96 quarter-hours ahead in one call. The model is a default-sized ensemble trained
 * briefly on simulated quarter-hourly history: accuracy does not matter here, size does.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark inference: all buildings x 96 quarter-hours per call; prints median and p99.")
final class ForecastBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--calls", defaultValue = "2000", description = "Measured calls (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--members", defaultValue = "4", description = "Networks in the ensemble (default: ${DEFAULT-VALUE}, as trained by default).")
  int members;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(Backend.describe());
    Scenario s = ScenarioOptions.apply("campus16", LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 31), null);
    RunResult r = new Simulation(s).run(Controllers.create("baseline", s));
    MeterData d = MeterExport.meterData(r, Duration.ofMinutes(15));
    int end = d.length() - 96 * 10;
    NetworkForecaster net = new NetworkForecaster(TrainingSettings.defaults(s.holidays())
        .withMaxEpochs(2).withMembers(members));
    net.fit(d, end, s.zone());
    out.printf(Locale.ROOT, "model: %d buildings, %d inputs, horizon %d steps, %d members%n",
        d.buildings().size(), net.spec().inputs(), net.spec().horizon(), members);
    long[] ns = new long[calls];
    double sink = 0;
    for (int i = -200; i < calls; i++) {
      int issue = end + (Math.floorMod(i, 9 * 96) / 4) * 4;
      long t0 = System.nanoTime();
      double[][] f = net.predictAll(new ForecastInput(d, issue, 96, s.zone()));
      long t = System.nanoTime() - t0;
      sink += f[0][0];
      if (i >= 0) {
        ns[i] = t;
      }
    }
    Arrays.sort(ns);
    out.printf(Locale.ROOT, "%d calls of %d buildings x 96 steps: median %.2f ms, p99 %.2f ms, min %.2f ms (checksum %.1f)%n",
        calls, d.buildings().size(), ns[calls / 2] / 1e6, ns[(int) (calls * 0.99)] / 1e6, ns[0] / 1e6, sink);
    return 0;
  }
}
