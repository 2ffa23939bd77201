package org.heatgrid.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.sim.controllers.Controllers;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid bench}: simulates the scenario's season repeatedly and reports simulated time
 * over wall time. The first run warms the JVM up and is reported apart.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark the simulator: simulated time / wall time over the scenario's season.")
final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16") String scenario;

  @Option(names = "--controller", defaultValue = "baseline") String controller;

  @Option(names = "--runs", defaultValue = "5", description = "Measured runs after the warm-up run.")
  int runs;

  @Override
  public Integer call() {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1: " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    Scenario s = ScenarioOptions.apply(scenario, null, null, null);
    out.printf(Locale.ROOT, "%s, %s, %d buildings, %d days + %d warm-up, step %d min, %d cores%n",
        s.name(), controller, s.buildings().size(), s.days(), s.warmupDays(),
        s.controlStep().toMinutes(), Runtime.getRuntime().availableProcessors());
    double[] speedups = new double[runs];
    double[] walls = new double[runs];
    RunResult first = new Simulation(s).run(Controllers.create(controller, s));
    out.printf(Locale.ROOT, "warm-up run: %.2f s wall, %.0f x real time%n",
        first.stats().wallSeconds(), first.stats().speedup());
    for (int i = 0; i < runs; i++) {
      RunResult r = new Simulation(s).run(Controllers.create(controller, s));
      speedups[i] = r.stats().speedup();
      walls[i] = r.stats().wallSeconds();
      out.printf(Locale.ROOT, "run %d: %.2f s wall, %.0f x real time%n", i + 1, walls[i], speedups[i]);
    }
    Arrays.sort(speedups);
    Arrays.sort(walls);
    out.printf(Locale.ROOT, "median over %d runs: %.2f s wall, %.0f x real time (min %.0f, max %.0f)%n",
        runs, walls[runs / 2], speedups[runs / 2], speedups[0], speedups[runs - 1]);
    return 0;
  }
}
