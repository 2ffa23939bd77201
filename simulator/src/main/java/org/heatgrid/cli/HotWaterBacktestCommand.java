package org.heatgrid.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.forecast.metrics.ErrorSummary;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.heatgrid.sim.mpc.HotWaterBacktest;
import org.heatgrid.sim.mpc.HotWaterNetwork;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid hot-water-backtest}: day-ahead accuracy of the MPC's hot-water forecasts. */
@Command(name = "hot-water-backtest", mixinStandardHelpOptions = true,
    description = "Prepare the MPC's hot-water forecasts (profile and network) from its history, "
        + "forecast each day of the season at local midnight and print CV(RMSE) and NMBE of the "
        + "hourly forecasts per building with hot water.")
final class HotWaterBacktestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioSelection selection = new ScenarioSelection();

  @Option(names = "--stride-hours", paramLabel = "H",
      description = "Network: hours between training issues and forecasts (default: the MPC's, 3).")
  Integer strideHours;

  @Option(names = "--members", paramLabel = "N", description = "Network: ensemble members (default: the MPC's, 2).")
  Integer members;

  @Option(names = "--correction-days", paramLabel = "D",
      description = "Network: days of its own errors that correct its level, 0 for none (default: 14).")
  Integer correctionDays;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Scenario s = selection.load(null);
    TrainingSettings t = HotWaterNetwork.settings(s);
    t = strideHours == null ? t : t.withIssueStrideHours(strideHours);
    t = members == null ? t : t.withMembers(members);
    t = correctionDays == null ? t : t.withCorrectionDays(correctionDays);
    long t0 = System.nanoTime();
    HotWaterBacktest r = HotWaterBacktest.run(s, MpcParameters.DEFAULTS, t);
    out.printf(Locale.ROOT, "%s, %s to %s, seed %d: day-ahead hourly forecasts issued at local midnight%n",
        s.name(), s.from(), s.to(), s.seed());
    out.printf(Locale.ROOT, "network: stride %d h, %d members, correction %d days%n", t.issueStrideHours(),
        t.members(), t.correctionDays());
    out.printf(Locale.ROOT, "%-9s %-8s %11s %8s %9s%n", "building", "forecast", "CV(RMSE) %", "NMBE %", "MAE kW");
    for (String id : r.scores().get("network").keySet()) {
      for (String name : r.scores().keySet()) {
        ErrorSummary e = r.scores().get(name).get(id);
        out.printf(Locale.ROOT, "%-9s %-8s %11.2f %8.2f %9.2f%n", id, name, e.cvrmse(), e.nmbe(), e.mae());
      }
    }
    for (String name : r.scores().keySet()) {
      double[] m = r.mean(name);
      out.printf(Locale.ROOT, "%-9s %-8s %11.2f %8.2f%n", "mean", name, m[0], m[1]);
    }
    out.printf(Locale.ROOT, "network: trained in %.1f s; %d building forecasts from the network, %d from the "
        + "profile (network not ready); %.1f s in all%n", r.trainingSeconds(), r.networkAnswers(),
        r.fallbackAnswers(), (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
