package org.heatgrid.sim.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.controllers.Controllers;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.oracle.OracleController;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;

/**
 * Several controllers on the same trace: same scenario, weather, seed and forecast errors. The
 * baseline runs first (every ratio refers to it, and the oracle learns from it); the others run in
 * parallel, one per core.
 *
 * @param runs per controller name, in the order asked, the baseline first
 * @param kpis per controller name, the run's KPIs
 * @param measured per controller name, the savings that measurement and verification would report
 *     from the meters, with the history period under the heating curve as the former operation;
 *     empty when the scenario does not start after the history
 */
public record Comparison(Scenario scenario, Map<String, RunResult> runs, Map<String, KpiReport> kpis,
    Map<String, Map<String, Long>> fallbackReasons, Map<String, MeasuredSavings> measured) {

  public static Comparison run(Scenario s, List<String> controllers, MpcParameters mpc)
      throws InterruptedException {
    return run(s, controllers, mpc, MpcSetup.shared(s, mpc));
  }

  /**
   * As above, with the MPC's models from a preparation that several comparisons may share (the
   * seeds of a sweep): see {@link MpcSetup#shared}.
   */
  public static Comparison run(Scenario s, List<String> controllers, MpcParameters mpc,
      Supplier<MpcSetup.Prepared> prepared) throws InterruptedException {
    for (String c : controllers) {
      if (!Controllers.names().contains(c)) {
        throw new IllegalArgumentException("unknown controller \"" + c + "\"; known: "
            + String.join(", ", Controllers.names()));
      }
    }
    RunResult baseline = new Simulation(s).run(new HeatingCurveController(s.baseline()));
    Map<String, RunResult> runs = new LinkedHashMap<>();
    runs.put("baseline", baseline);
    Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
    List<String> others = new ArrayList<>(controllers);
    others.remove("baseline");
    int threads = Math.max(1, Math.min(others.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Map<String, Future<RunResult>> futures = new LinkedHashMap<>();
      Map<String, Controller> made = new LinkedHashMap<>();
      for (String c : others) {
        futures.put(c, pool.submit(() -> {
          Controller ctl = Controllers.create(c, s, mpc, () -> baseline, prepared);
          synchronized (made) {
            made.put(c, ctl);
          }
          return new Simulation(s).run(ctl);
        }));
      }
      for (Map.Entry<String, Future<RunResult>> f : futures.entrySet()) {
        try {
          runs.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("controller " + f.getKey() + " failed: " + e.getCause().getMessage(),
              e.getCause());
        }
      }
      made.forEach((name, ctl) -> reasons.put(name, fallbacks(ctl)));
    } finally {
      pool.shutdownNow();
    }
    Map<String, KpiReport> kpis = new LinkedHashMap<>();
    runs.forEach((name, r) -> kpis.put(name, KpiReport.of(r)));
    Map<String, MeasuredSavings> measured = new LinkedHashMap<>();
    // M&V needs the former operation's period before the reporting period; a comparison on the
    // history itself (tune's validation season) has none, and no measured savings.
    if (mpc.historyTo().isBefore(s.from())) {
      // The MPC's preparation ran the same history under the heating curve; without an MPC
      // among the controllers, the history is run here rather than identified for nothing.
      RunResult history = Controllers.anyPrepared(controllers)
          ? prepared.get().historyRun()
          : new Simulation(MpcSetup.historyScenario(s, mpc))
              .run(new HeatingCurveController(s.baseline()));
      runs.forEach((name, r) -> measured.put(name, MeasuredSavings.estimate(history, r, s.tariff())));
    }
    return new Comparison(s, runs, kpis, reasons, measured);
  }

  private static Map<String, Long> fallbacks(Controller c) {
    if (c instanceof org.heatgrid.control.mpc.MpcController m) {
      return m.fallbackReasons();
    }
    if (c instanceof OracleController o) {
      return o.fallbackReasons();
    }
    return Map.of();
  }

  public KpiReport baseline() {
    return kpis.get("baseline");
  }

  /** Season cost saved against the baseline, KRW (negative: it cost more). */
  public double savingsKrw(String controller) {
    return baseline().cluster().costKrw() - kpis.get(controller).cluster().costKrw();
  }

  /** The true usage-cost savings against the baseline replayed on the same trace, %. */
  public double trueUsageSavingsPercent(String controller) {
    return 100 * (1 - kpis.get(controller).cluster().usageCostKrw()
        / baseline().cluster().usageCostKrw());
  }

  /**
   * The true heat savings of one month against the baseline replayed on the same trace, %, from
   * both runs' hourly meters (so that a month compares like with like with M&V).
   */
  public double trueEnergySavingsPercent(String controller, java.time.YearMonth month) {
    double base = measured.get("baseline").monthlyMeteredMwh().get(month);
    return 100 * (1 - measured.get(controller).monthlyMeteredMwh().get(month) / base);
  }

  /** The true heat savings against the baseline replayed on the same trace, %. */
  public double trueEnergySavingsPercent(String controller) {
    return 100 * (1 - kpis.get(controller).cluster().energyMwh() / baseline().cluster().energyMwh());
  }

  /** {@code controller}'s savings as a share of the oracle's, or NaN without an oracle. */
  public double shareOfOracle(String controller) {
    if (!kpis.containsKey("oracle")) {
      return Double.NaN;
    }
    return savingsKrw(controller) / savingsKrw("oracle");
  }
}
