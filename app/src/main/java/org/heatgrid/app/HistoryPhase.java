package org.heatgrid.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.heatgrid.control.service.ControlService;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.models.ActiveModels;
import org.heatgrid.control.service.models.SiteSavings;
import org.heatgrid.learn.mv.AvoidedEnergy;
import org.heatgrid.learn.BundleGate;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.time.SimulatedClock;

/**
 * The run's history period, as a new site's commissioning: the service runs the heating curve
 * over MQTT and records what the gateways send; when the period ends, simulated time stops, the
 * service learns its model bundle from that record (the path {@code heatgrid learn} takes) and,
 * if the bundle is accepted, runs the MPC from it. Then time runs on at the run's speed.
 */
final class HistoryPhase {

  private HistoryPhase() {}

  static void run(RunSetup s, ControlService service, ControlRuntime rt, Instant from,
      PrintStream out, long wall0) throws InterruptedException {
    SimulatedClock clock = s.clock();
    Instant stop = from.minusMillis(1);
    Instant lastPeriod = from.minus(s.scenario().controlStep());
    Instant start = s.liveFrom().atStartOfDay(s.scenario().zone()).toInstant();
    int days = s.options().historyDays;
    out.printf(Locale.ROOT, "history: %d days (%s to %s) on the heating curve through the service,"
        + " recording its telemetry, at %.0fx%n", days, s.liveFrom(), s.scenario().from().minusDays(1),
        clock.speed());
    long limitMs = (long) (days * 86_400_000.0 / clock.speed()) * 3 + 120_000;
    long end = System.currentTimeMillis() + limitMs;
    int printed = 0;
    while (!(clock.instant().equals(stop) && rt.loop().lastReport()
        .map(p -> !p.at().isBefore(lastPeriod)).orElse(false))) {
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("the history period did not end within " + limitMs + " ms");
      }
      int day = (int) (Duration.between(start, clock.instant()).toHours() / 24);
      if (day >= printed + 7) {
        printed = day;
        out.printf(Locale.ROOT, "history: day %d of %d  [%.1f s]%n", day, days,
            (System.nanoTime() - wall0) / 1e9);
      }
      Thread.sleep(50);
    }
    // What the loop recorded last must be written before it is read back.
    long flushEnd = System.currentTimeMillis() + 30_000;
    while (rt.sink().buffered() > 0 && System.currentTimeMillis() < flushEnd) {
      Thread.sleep(50);
    }
    long t0 = System.nanoTime();
    Optional<BundleGate.Decision> d = service.models().learnNow("heatgrid run");
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (d.isEmpty() || !d.get().accepted()) {
      out.println("MPC not learnt: " + service.models().state().lastLearn()
          + "; the heating curve runs on");
    } else {
      out.println(origin(service.models()) + String.format(Locale.ROOT, "; learnt in %.1f s", seconds));
    }
    clock.setSpeed(s.options().speed);
    clock.clearLimit();
  }

  /** Where the running MPC's models came from, in one line. */
  static String origin(ActiveModels models) {
    String version = models.state().bundle();
    if (version == null) {
      return "controller: " + models.describe();
    }
    Manifest m = models.bundles().stream().filter(e -> e.version().equals(version))
        .map(BundleStore.Entry::manifest).findFirst().orElse(null);
    if (m == null) {
      return "MPC from bundle " + version;
    }
    Manifest.Forecaster f = m.forecaster();
    String hotWater = "hot water: profile";
    if (f != null && f.kind().equals("network")) {
      hotWater = String.format(Locale.ROOT, "hot water: network for %d buildings, day-ahead "
          + "CV(RMSE) %s %% vs %s %% for yesterday's load", f.buildings().size(),
          cv(f.backtest().get("mean")), cv(f.backtest().get("baselines") instanceof Map<?, ?> b
              ? b.get("naive_24h") : null));
    }
    double rmse = m.meanHeldOutRmseK();
    return String.format(Locale.ROOT, "MPC from bundle %s learned on %d days of this site's "
        + "telemetry (%s to %s): held-out 24 h indoor RMSE %s; %s", version,
        m.data().usableDays(), m.data().from(), m.data().to(),
        Double.isFinite(rmse) ? String.format(Locale.ROOT, "%.2f K", rmse) : "n/a (no day held out)",
        hotWater);
  }

  /**
   * What M&V reports (as {@code GET /api/savings}) beside the true savings, which only the
   * simulator knows (the baseline replayed on the same trace).
   */
  static String measuredSavings(ActiveModels models, RunningSavings.Snapshot truth) {
    SiteSavings.Result r = models.savings().now();
    String trueLine = String.format(Locale.ROOT, "true savings (the baseline replayed on the same "
        + "trace): %.2f MWh (%.1f %%), usage charge %,.0f KRW (%.1f %%)",
        truth.baselineMwh() - truth.liveMwh(),
        100 * (truth.baselineMwh() - truth.liveMwh()) / truth.baselineMwh(), truth.savedKrw(),
        truth.savedPercent());
    if (r.estimate().isEmpty()) {
      return "measured savings (M&V): " + r.why() + "\n" + trueLine;
    }
    AvoidedEnergy a = r.estimate().get();
    return String.format(Locale.ROOT, "measured savings (M&V, GET /api/savings; TOWT-solar on "
        + "the history's meters): %.2f +/- %.2f MWh (%.1f %% of the predicted %.2f MWh), usage charge "
        + "%,.0f KRW (%.1f %%)%n%s", a.savedMwh(), a.uncertaintyMwh(), a.savedPercent(),
        a.predictedMwh(), a.savedUsageKrw(), 100 * a.savedUsageKrw() / a.predictedUsageKrw(),
        trueLine);
  }

  private static String cv(Object errors) {
    return errors instanceof Map<?, ?> e && e.get("cvrmse") instanceof Number n
        ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : "n/a";
  }
}
