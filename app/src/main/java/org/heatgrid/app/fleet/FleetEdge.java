package org.heatgrid.app.fleet;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.GatewayConfig;
import org.heatgrid.gateway.GatewayCounters;
import org.heatgrid.gateway.RejectReason;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.BrokerUsers;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.Topics;

/**
 * The fleet's simulated edge: every site's virtual plant ({@link SitePlant}, the site's own seed)
 * and one reference {@link EdgeGateway} per building logging in as {@code <site>.<building>}, on a
 * held {@link SimulatedClock}. It runs in a JVM of its own ({@link FleetEdgeMain}), apart from the
 * control services it stands in front of: in a deployment the gateways are devices of their own,
 * and in one JVM their garbage and threads stopped the services' plans (app/FLEET.md).
 */
final class FleetEdge implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FleetEdge.class.getName());

  /** One building's gateway and the substation that keeps its ledger. */
  record GatewayRun(String site, String building, EdgeGateway gateway, LedgerSubstation substation) {}

  private final List<SitePlant> plants = new ArrayList<>();
  private final List<GatewayRun> gateways = new ArrayList<>();
  private final SimulatedClock clock;
  private final Instant start;
  private final Instant end;
  private final Duration step;
  private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fleet-plants");
    t.setDaemon(true);
    return t;
  });
  private ThreadCpu atRelease;

  /**
   * Builds and warms up every site's plant and builds (does not start) its gateways.
   *
   * @param scenario the campus every site copies, its period set to the run's days
   * @param sites number of sites; site {@code i} has seed {@code scenario.seed() + i}
   * @param from the first live day
   * @param end where simulated time stops
   * @param speed simulated seconds per wall second
   * @param brokerUri the broker the gateways connect to
   * @param credentials passwords of the users {@code <site>.<building>}
   * @param gatewayTick wall time between a gateway's looks at its clock
   */
  FleetEdge(Scenario scenario, int sites, LocalDate from, Instant end, double speed,
      String brokerUri, FleetCredentials credentials, Duration gatewayTick) {
    this.step = scenario.controlStep();
    this.start = from.atStartOfDay(scenario.zone()).toInstant();
    this.end = end;
    this.clock = SimulatedClock.held(start, speed);
    PayloadCodec codec = new PayloadCodec();
    for (int i = 0; i < sites; i++) {
      String name = FleetOptions.siteName(i, sites);
      Scenario si = scenario.withSeed(scenario.seed() + i);
      SitePlant plant = new SitePlant(si, from.atStartOfDay(), Simulation.forecasts(si));
      plants.add(plant);
      List<BuildingInfo> buildings = plant.buildings();
      for (int b = 0; b < buildings.size(); b++) {
        BuildingInfo info = buildings.get(b);
        String user = BrokerUsers.fleetGateway(name, info.id());
        GatewayConfig c = GatewayConfig.of(brokerUri, new Topics(name, info.id()),
                credentials.password(user))
            .withUsername(user).withTick(gatewayTick).withReconnectMaxSeconds(1)
            .withSupplyMaxC(info.supplyMaxC());
        LedgerSubstation sub = new LedgerSubstation(plant, b, clock);
        EdgeGateway g = new EdgeGateway(c, sub, clock, codec);
        sub.attach(g);
        gateways.add(new GatewayRun(name, info.id(), g, sub));
      }
    }
  }

  int size() {
    return gateways.size();
  }

  /** Starts every gateway (each connects on its own thread). */
  void connect() {
    gateways.forEach(g -> g.gateway().start());
  }

  long notConnected() {
    return gateways.stream().filter(g -> !g.gateway().isConnected()).count();
  }

  /** Up to ten gateways that do not yet hold a controller setpoint. */
  List<String> notOnline() {
    return gateways.stream().filter(g -> g.gateway().state() != GatewayState.ONLINE)
        .map(g -> g.site() + "/" + g.building()).limit(10).toList();
  }

  /** Lets simulated time run from now on up to the end, and drives the plants along. */
  void release() {
    clock.stopAt(end);
    atRelease = ThreadCpu.now();
    clock.release();
    driver.scheduleWithFixedDelay(() -> {
      Instant now = clock.instant();
      for (SitePlant p : plants) {
        try {
          p.advanceTo(now);
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "plant step failed", e);
        }
      }
    }, 10, 10, TimeUnit.MILLISECONDS);
  }

  Instant now() {
    return clock.instant();
  }

  /** A progress line: setpoints applied, fallbacks and expired setpoints so far. */
  String progress() {
    long applied = 0;
    long fallbacks = 0;
    long expired = 0;
    for (GatewayRun g : gateways) {
      applied += g.substation().ledger().size();
      fallbacks += g.gateway().counters().fallbacks();
      expired += g.gateway().counters().setpointsRejected(RejectReason.EXPIRED);
    }
    return String.format(Locale.ROOT, "edge day %5.2f: setpoints applied %,9d  fallbacks %d  "
        + "expired %d", Duration.between(start, clock.instant()).toMillis() / 86_400_000.0, applied,
        fallbacks, expired);
  }

  /** The edge's figures over the window, everything still running. */
  EdgeReport report() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    ThreadCpu.now().since(atRelease != null ? atRelease : ThreadCpu.now()).forEach((k, v) -> {
      if (v > 0) {
        cpu.put(k, v);
      }
    });
    List<EdgeReport.Gateway> out = new ArrayList<>();
    for (GatewayRun g : gateways) {
      List<Long> lat = new ArrayList<>();
      SetpointLedger.Coverage c = g.substation().ledger().coverage(start, end, step, lat::add);
      GatewayCounters k = g.gateway().counters();
      Map<String, Long> rejected = new LinkedHashMap<>();
      for (RejectReason r : RejectReason.values()) {
        rejected.put(r.name(), k.setpointsRejected(r));
      }
      out.add(new EdgeReport.Gateway(g.site(), g.building(), c,
          lat.stream().mapToLong(Long::longValue).toArray(), k.fallbacks(), rejected,
          k.telemetryPublished(), k.telemetryDropped(), k.connects(), k.resubscribes()));
    }
    long heap = FleetRun.heapAfterGc();
    return new EdgeReport(out, cpu, heap, ProcStat.rssBytes(), ProcStat.peakRssBytes(),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  @Override
  public void close() {
    driver.shutdownNow();
    try {
      FleetRun.parallel("stopping the gateways", gateways, g -> g.gateway().close());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
