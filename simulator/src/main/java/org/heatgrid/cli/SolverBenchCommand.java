package org.heatgrid.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.control.mpc.solver.OjAlgoSolver;
import org.heatgrid.control.mpc.solver.Plan;
import org.heatgrid.control.mpc.solver.PlanChecker;
import org.heatgrid.control.mpc.solver.PlanSolver;
import org.heatgrid.control.mpc.solver.PlanningProblem;
import org.heatgrid.control.mpc.solver.SolverLimits;
import org.heatgrid.control.mpc.solver.StructuredSolver;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid solver-bench}: the MPC's planning problems as the closed loop poses them (16
 * buildings x 96 steps on campus16), solved by the structured solver and by ojAlgo in the same run.
 */
@Command(name = "solver-bench", mixinStandardHelpOptions = true,
    description = "Benchmark the MPC's structured solver against ojAlgo on planning problems "
        + "captured from a closed-loop run: solve times, and objective agreement.")
final class SolverBenchCommand implements Callable<Integer> {

  private static final SolverLimits LIMITS = new SolverLimits(200, Duration.ofMinutes(5));

  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "Scenario (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--day", paramLabel = "DATE", defaultValue = "2026-01-13",
      description = "Day whose re-plans are captured (default: ${DEFAULT-VALUE}, a cold weekday).")
  LocalDate day;

  @picocli.CommandLine.Mixin
  PlanModelOption planModel = new PlanModelOption();

  @Option(names = "--repeats", defaultValue = "3", description = "Solves per captured problem (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--ojalgo", defaultValue = "5",
      description = "Problems also solved by ojAlgo (default: ${DEFAULT-VALUE}; 0 for none).")
  int ojalgo;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Scenario s = ScenarioOptions.apply(scenario, day, day, null);
    MpcController mpc = MpcSetup.controller(s, planModel.apply(MpcParameters.DEFAULTS));
    List<PlanningProblem> problems = new ArrayList<>();
    LocalDate recordFrom = day;
    mpc.onProblem(p -> problems.add(p));
    new Simulation(s).run(mpc);
    // Keep the day itself, not the warm-up.
    int perDay = (int) (Duration.ofDays(1).toSeconds() / s.controlStep().toSeconds());
    List<PlanningProblem> captured = problems.subList(Math.max(0, problems.size() - perDay), problems.size());
    PlanningProblem first = captured.get(0);
    out.printf(Locale.ROOT, "%d planning problems captured on %s: %d buildings x %d steps each%n",
        captured.size(), recordFrom, first.buildingCount(), first.steps());
    StructuredSolver structured = new StructuredSolver();
    for (int i = 0; i < Math.min(20, captured.size()); i++) {
      structured.solve(captured.get(i), LIMITS); // warm-up
    }
    double[] ms = new double[captured.size() * repeats];
    int k = 0;
    long iterations = 0;
    Plan[] plans = new Plan[captured.size()];
    for (int r = 0; r < repeats; r++) {
      for (int i = 0; i < captured.size(); i++) {
        long t0 = System.nanoTime();
        plans[i] = structured.solve(captured.get(i), LIMITS);
        ms[k++] = (System.nanoTime() - t0) / 1e6;
        iterations += plans[i].iterations();
      }
    }
    print(out, "structured", ms, (double) iterations / ms.length);
    if (ojalgo > 0) {
      PlanSolver oj = new OjAlgoSolver();
      int n = Math.min(ojalgo, captured.size());
      double[] ojMs = new double[n];
      double worstRel = 0;
      double worstViolation = 0;
      double ojViolation = 0;
      int ojLower = 0;
      int both = 0;
      java.util.Map<String, Integer> statuses = new java.util.TreeMap<>();
      for (int j = 0; j < n; j++) {
        int i = j * captured.size() / n;
        long t0 = System.nanoTime();
        Plan p = oj.solve(captured.get(i), LIMITS);
        ojMs[j] = (System.nanoTime() - t0) / 1e6;
        statuses.merge(p.status().name(), 1, Integer::sum);
        if (!p.usable()) {
          continue;
        }
        both++;
        worstRel = Math.max(worstRel, Math.abs(p.objective() - plans[i].objective())
            / Math.max(1, Math.abs(p.objective())));
        worstViolation = Math.max(worstViolation, PlanChecker.worst(captured.get(i), plans[i]).amount());
        ojViolation = Math.max(ojViolation, PlanChecker.worst(captured.get(i), p).amount());
        ojLower += p.objective() < plans[i].objective() ? 1 : 0;
      }
      print(out, "ojalgo", ojMs, Double.NaN);
      out.println("ojalgo statuses: " + statuses);
      out.printf(Locale.ROOT, "on the %d problems both solved: objectives differ by at most %.2e "
          + "(relative); worst constraint violation: structured %.2e, ojalgo %.2e; ojalgo lower "
          + "on %d of them%n", both, worstRel,
          worstViolation, ojViolation, ojLower);
    }
    return 0;
  }

  private static void print(PrintWriter out, String name, double[] ms, double iterations) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    out.printf(Locale.ROOT, "%-10s solves %5d  median %8.2f ms  p99 %8.2f ms  max %8.2f ms%s%n", name, n,
        sorted[(n - 1) / 2], sorted[Math.max(0, (int) Math.ceil(0.99 * n) - 1)], sorted[n - 1],
        Double.isFinite(iterations) ? String.format(Locale.ROOT, "  iterations %.1f", iterations) : "");
  }
}
