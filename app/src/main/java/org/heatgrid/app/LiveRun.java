package org.heatgrid.app;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.service.ControlService;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.GatewayConfig;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.output.KpiJson;
import org.heatgrid.sim.output.KpiTable;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.Topics;

/**
 * The run itself, once Quarkus has built the control service: starts one virtual gateway per
 * building on the plant, starts the loop, lets simulated time run, prints the savings every
 * {@code --every} simulated hours and, when the period is done, the KPI table.
 */
public class LiveRun implements QuarkusApplication {

  private static final Logger LOG = Logger.getLogger(LiveRun.class.getName());
  private static final Duration GATEWAY_TICK = Duration.ofMillis(5);

  @Inject
  ControlService service;

  @Override
  public int run(String... args) throws Exception {
    RunSetup s = RunContext.get().orElseThrow(() -> new IllegalStateException(
        "LiveRun needs RunMain (./heatgrid run)"));
    PrintStream out = System.out;
    ControlRuntime rt = service.runtime();
    LivePlant plant = s.plant();
    SimulatedClock clock = s.clock();
    PayloadCodec codec = new PayloadCodec();
    List<EdgeGateway> gateways = new ArrayList<>();
    String site = plant.site().name();
    for (BuildingInfo b : plant.buildings()) {
      GatewayConfig c = GatewayConfig.of(s.brokerUri(), new Topics(site, b.id()),
              s.credentials().password(b.id()))
          .withTick(GATEWAY_TICK).withReconnectMaxSeconds(1).withSupplyMaxC(b.supplyMaxC());
      EdgeGateway g = new EdgeGateway(c, new PlantSubstation(plant, plant.index(b.id()), clock),
          clock, codec);
      g.start();
      gateways.add(g);
    }
    ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "plant");
      t.setDaemon(true);
      return t;
    });
    int stepsPerLine = (int) (Duration.ofHours(s.options().everyHours).toSeconds()
        / s.scenario().controlStep().toSeconds());
    int stepsPerDay = (int) (Duration.ofDays(1).toSeconds() / s.scenario().controlStep().toSeconds());
    BlockingQueue<Integer> lines = new LinkedBlockingQueue<>();
    double[] decideSeconds = {0};
    Instant[] lastReport = {null};
    s.onStep(r -> {
      rt.loop().lastReport().filter(p -> !p.at().equals(lastReport[0])).ifPresent(p -> {
        lastReport[0] = p.at();
        decideSeconds[0] += p.decideSeconds();
      });
      if (r.steps() % Math.max(1, stepsPerLine) == 0 || r.full()) {
        lines.add(r.steps());
      }
    });
    long wall0 = System.nanoTime();
    try {
      waitFor("16 gateways connected", Duration.ofSeconds(60),
          () -> gateways.stream().allMatch(EdgeGateway::isConnected));
      rt.start();
      waitFor("the first setpoints applied", Duration.ofSeconds(60),
          () -> gateways.stream().allMatch(g -> g.state() == GatewayState.ONLINE));
      Instant from = s.scenario().from().atStartOfDay(s.scenario().zone()).toInstant();
      if (s.learns()) {
        // The history: the site on its heating curve through the service, faster; time stops
        // just before the evaluation starts, so that learning takes no simulated time.
        clock.setSpeed(s.options().historySpeed);
        clock.stopAt(from.minusMillis(1));
      }
      clock.release();
      out.printf(Locale.ROOT, "running: %d buildings, controller %s, %.0fx (a day in %.0f s),"
          + " operator API http://127.0.0.1:%d/api/status (viewer:%s, operator:%s, admin:%s),"
          + " data in %s%n", gateways.size(), service.models().describe(), clock.speed(),
          86_400 / clock.speed(), s.options().port, s.apiPasswords().get("viewer"),
          s.apiPasswords().get("operator"), s.apiPasswords().get("admin"), s.data());
      driver.scheduleWithFixedDelay(() -> {
        try {
          plant.advanceTo(clock.instant());
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "plant step failed", e);
        }
      }, 2, 2, TimeUnit.MILLISECONDS);
      if (s.learns()) {
        HistoryPhase.run(s, service, rt, from, out, wall0);
      }
      int total = s.reference().steps();
      while (true) {
        Integer done = lines.poll(1, TimeUnit.SECONDS);
        if (done == null) {
          continue;
        }
        out.println(s.savings().snapshot().line(done / (double) stepsPerDay)
            + String.format(Locale.ROOT, "  [%.1f s]", (System.nanoTime() - wall0) / 1e9));
        if (done == total) {
          break;
        }
      }
    } finally {
      driver.shutdownNow();
      gateways.forEach(EdgeGateway::close);
    }
    rt.close();
    String controllerName = service.models().state().bundle() != null
        ? "mpc (bundle " + service.models().state().bundle() + ")" : rt.loop().controller().name();
    RunResult live = plant.result(controllerName, new RunResult.Stats(
        decideSeconds[0], (System.nanoTime() - wall0) / 1e9,
        s.reference().steps() * s.scenario().controlStep().toSeconds(), rt.loop().counters()
            .curveCommands(), rt.loop().counters().controllerFailures()));
    KpiReport k = KpiReport.of(live);
    KpiReport base = KpiReport.of(s.reference());
    out.println();
    out.printf("KPIs of the live run (controller %s over MQTT), %s to %s:%n", live.controller(),
        s.scenario().from(), s.scenario().to());
    if (s.learns()) {
      out.println(HistoryPhase.origin(service.models()));
    }
    out.print(KpiTable.text(k));
    out.println("baseline (simulated on the same trace):");
    out.print(KpiTable.text(base));
    RunningSavings.Snapshot last = s.savings().snapshot();
    out.printf(Locale.ROOT, "cost %.3f MKRW vs baseline %.3f MKRW (ratio %.3f): saved %,.0f KRW"
            + " incl. basic charge; usage alone saved %,.0f KRW (%.1f %%)%n",
        k.cluster().costKrw() / 1e6, base.cluster().costKrw() / 1e6,
        k.cluster().costKrw() / base.cluster().costKrw(),
        base.cluster().costKrw() - k.cluster().costKrw(), last.savedKrw(), last.savedPercent());
    if (s.learns()) {
      out.println(HistoryPhase.measuredSavings(service.models(), last));
    }
    KpiJson.write(KpiJson.toJson(k, k.ratioTo(base), live), s.data().resolve("kpis.json"));
    out.println("wrote " + s.data().resolve("kpis.json"));
    return 0;
  }

  private static void waitFor(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + limit);
      }
      Thread.sleep(10);
    }
  }
}
