package org.heatgrid.app.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.MqttSettings;
import org.heatgrid.control.service.adapter.RuntimeSettings;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.GatewayConfig;
import org.heatgrid.gateway.RejectReason;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.BrokerUsers;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.Topics;

/**
 * One fleet bench run: N sites of the scenario's campus, each with its own plant (its own seed),
 * its own {@link ControlRuntime} (the control service minus HTTP, MQTT user {@code
 * <site>.controller}) running its own MPC instance, and one reference {@link EdgeGateway} per
 * building (user {@code <site>.<building>}), all through one broker on one shared accelerated
 * {@link SimulatedClock}. {@link #prepare}, {@link #start}, {@link #awaitEnd}, {@link #finish};
 * between start and the end a caller may talk to the broker itself ({@link #brokerUri}, {@link
 * #credentials}).
 */
final class FleetRun implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FleetRun.class.getName());

  /** One site: its plant, service and gateways. */
  record SiteRun(String name, long seed, SitePlant plant, Site site, TimedController controller,
      SiteSink sink, ControlRuntime runtime, List<GatewayRun> gateways) {}

  /** One building's gateway and the substation that keeps its ledger. */
  record GatewayRun(String site, String building, EdgeGateway gateway, LedgerSubstation substation) {}

  final FleetOptions options;
  final PrintStream out;
  final Scenario scenario;
  final Instant start;
  final Instant end;
  final Duration step;
  final SimulatedClock clock;
  final List<SiteRun> sites = new ArrayList<>();
  private final MosquittoLauncher broker;
  private final String brokerUri;
  private final long brokerPid;
  private final FleetCredentials credentials;
  private final long wallStart = System.nanoTime();
  private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fleet-plants");
    t.setDaemon(true);
    return t;
  });

  // figures of the preparation and the measured window
  final double mpcSeconds;
  final String mpcHistory;
  final long heapBeforeSites;
  double setupSeconds;
  double connectSeconds;
  Marks atRelease;
  Marks atEnd;
  private boolean closed;

  /** CPU and wall clock at one moment. */
  record Marks(long wallNanos, double jvmCpuS, OptionalDouble brokerCpuS, double[] machineCpuS,
      ThreadCpu threads) {
    static Marks now(long brokerPid) {
      return new Marks(System.nanoTime(), ProcStat.jvmCpuSeconds(),
          brokerPid > 0 ? ProcStat.cpuSeconds(brokerPid) : OptionalDouble.empty(),
          ProcStat.machineCpuSeconds(), ThreadCpu.now());
    }
  }

  private FleetRun(FleetOptions o, PrintStream out) throws IOException {
    this.options = o;
    this.out = out;
    Scenario base = ScenarioLoader.load(o.scenario());
    LocalDate from = o.from();
    this.scenario = base.withPeriod(from, from.plusDays((long) Math.ceil(o.days()) - 1L));
    ZoneId zone = scenario.zone();
    this.step = scenario.controlStep();
    this.start = from.atStartOfDay(zone).toInstant();
    this.end = start.plusMillis(Math.round(o.days() * 86_400_000L));
    if (start.toEpochMilli() % step.toMillis() != 0) {
      throw new IllegalArgumentException("the first day's midnight in " + zone
          + " is not a control-period boundary");
    }
    if (Duration.between(start, end).toMillis() % step.toMillis() != 0) {
      throw new IllegalArgumentException("--days " + o.days() + " is not a whole number of "
          + step.toMinutes() + "-minute control periods");
    }

    // The MPC's models: identified once for the campus, from its history period (MpcSetup).
    MpcParameters p = MpcParameters.DEFAULTS;
    long t0 = System.nanoTime();
    MpcSetup.Prepared prepared = MpcSetup.prepare(scenario, p);
    this.mpcSeconds = (System.nanoTime() - t0) / 1e9;
    this.mpcHistory = prepared.history();
    out.printf(Locale.ROOT, "MPC models: %s, %d buildings identified once in %.1f s (history: %s)%n",
        scenario.name(), prepared.models().size(), mpcSeconds, prepared.history());
    if (o.jitWarmup()) {
      t0 = System.nanoTime();
      new Simulation(scenario.withPeriod(from, from)).run(MpcSetup.controller(scenario, p, prepared));
      out.printf(Locale.ROOT, "JIT warm-up: the MPC planned one day of %s in-process, %.1f s%n",
          scenario.name(), (System.nanoTime() - t0) / 1e9);
    }
    this.heapBeforeSites = heapAfterGc();

    // The sites: plant (own seed) warmed up, site, MPC instance.
    int width = Math.max(2, String.valueOf(o.sites()).length());
    Map<String, List<String>> bySite = new LinkedHashMap<>();
    List<String> users = new ArrayList<>();
    List<Object[]> parts = new ArrayList<>();
    t0 = System.nanoTime();
    for (int i = 0; i < o.sites(); i++) {
      String name = String.format(Locale.ROOT, "site%0" + width + "d", i + 1);
      Scenario si = scenario.withSeed(scenario.seed() + i);
      ForecastGenerator forecasts = Simulation.forecasts(si);
      SitePlant plant = new SitePlant(si, from.atStartOfDay(), forecasts);
      Site site = new Site(name, zone, step, si.tariff(), si.holidays(), plant.buildings());
      TimedController controller = new TimedController(MpcSetup.controller(si, p, prepared));
      List<String> ids = plant.buildings().stream().map(BuildingInfo::id).toList();
      bySite.put(name, ids);
      users.add(BrokerUsers.fleetController(name));
      ids.forEach(b -> users.add(BrokerUsers.fleetGateway(name, b)));
      parts.add(new Object[] {name, si, forecasts, plant, site, controller});
    }
    out.printf(Locale.ROOT, "sites: %d x %s (%d buildings), plants warmed up %d days each, %.1f s%n",
        o.sites(), scenario.name(), users.size() - o.sites(), scenario.warmupDays(),
        (System.nanoTime() - t0) / 1e9);

    // The broker.
    if (o.broker() == null) {
      this.credentials = FleetCredentials.random(users);
      this.broker = MosquittoLauncher.start(o.out().resolve("broker"), BrokerUsers.fleetAcl(bySite),
          credentials, 10_000);
      this.brokerUri = broker.uri();
      this.brokerPid = broker.pid();
      out.printf(Locale.ROOT, "MQTT broker: %s on %s (pid %d), %d users, fleet ACL, config from %s;"
          + " files in %s%n", MosquittoLauncher.version(), brokerUri, brokerPid, users.size(),
          broker.configSource(), broker.dir());
    } else {
      this.credentials = FleetCredentials.read(o.credentials());
      this.broker = null;
      this.brokerUri = o.broker();
      this.brokerPid = o.brokerPid();
      out.printf(Locale.ROOT, "MQTT broker: external %s%s%n", brokerUri,
          brokerPid > 0 ? " (pid " + brokerPid + ")" : " (no --broker-pid: its CPU is not measured)");
    }

    // Services and gateways on one held clock.
    this.clock = SimulatedClock.held(start, o.speed());
    PayloadCodec codec = new PayloadCodec();
    long firstSeq = System.currentTimeMillis();
    for (Object[] part : parts) {
      String name = (String) part[0];
      Scenario si = (Scenario) part[1];
      ForecastGenerator forecasts = (ForecastGenerator) part[2];
      SitePlant plant = (SitePlant) part[3];
      Site site = (Site) part[4];
      TimedController controller = (TimedController) part[5];
      String user = BrokerUsers.fleetController(name);
      RuntimeSettings settings = new RuntimeSettings(site,
          new MqttSettings(brokerUri, user, credentials.password(user),
              "heatgrid-controller-" + name, 1),
          clock, o.speed(), o.controlTick(),
          new LoopSettings(step, step.multipliedBy(2), step.multipliedBy(2), firstSeq),
          Duration.ofHours(24));
      WeatherSource weather = now -> forecasts.forecast(LocalDateTime.ofInstant(now, zone), now);
      SiteSink sink = new SiteSink();
      ControlRuntime rt = new ControlRuntime(settings, controller, weather,
          new OperatorState(site, e -> {}), sink, codec);
      List<GatewayRun> gateways = new ArrayList<>();
      for (BuildingInfo b : plant.buildings()) {
        String gwUser = BrokerUsers.fleetGateway(name, b.id());
        GatewayConfig c = GatewayConfig.of(brokerUri, new Topics(name, b.id()),
                credentials.password(gwUser))
            .withUsername(gwUser).withTick(o.gatewayTick()).withReconnectMaxSeconds(1)
            .withSupplyMaxC(b.supplyMaxC());
        LedgerSubstation sub = new LedgerSubstation(plant, plant.buildings().indexOf(b), clock);
        EdgeGateway g = new EdgeGateway(c, sub, clock, codec);
        sub.attach(g);
        gateways.add(new GatewayRun(name, b.id(), g, sub));
      }
      sites.add(new SiteRun(name, si.seed(), plant, site, controller, sink, rt, gateways));
    }
  }

  /** Prepares a run (models, plants, broker, services, gateways); prints what it did. */
  static FleetRun prepare(FleetOptions o, PrintStream out) throws IOException {
    return new FleetRun(o, out);
  }

  String brokerUri() {
    return brokerUri;
  }

  FleetCredentials credentials() {
    return credentials;
  }

  long brokerPid() {
    return brokerPid;
  }

  boolean externalBroker() {
    return broker == null;
  }

  String brokerDescription() {
    return broker == null ? "external " + brokerUri
        : MosquittoLauncher.version() + " (" + broker.configSource() + ")";
  }

  List<GatewayRun> gateways() {
    return sites.stream().flatMap(s -> s.gateways().stream()).toList();
  }

  /**
   * Connects the gateways, starts the services, waits until every gateway holds its first
   * setpoint (simulated time held at the start meanwhile), then lets time run to the end.
   */
  void start() throws InterruptedException {
    List<GatewayRun> all = gateways();
    long t0 = System.nanoTime();
    for (GatewayRun g : all) {
      g.gateway().start();
    }
    waitFor(all.size() + " gateways connected", Duration.ofSeconds(60 + all.size() / 10),
        () -> all.stream().allMatch(g -> g.gateway().isConnected()),
        () -> all.stream().filter(g -> !g.gateway().isConnected()).count() + " not connected");
    // Let the last SUBSCRIBEs reach the broker before the first (retained) setpoints go out.
    Thread.sleep(500);
    for (SiteRun s : sites) {
      s.runtime().start();
    }
    waitFor("every gateway's first setpoint", Duration.ofSeconds(60 + all.size() / 10),
        () -> all.stream().allMatch(g -> g.gateway().state() == GatewayState.ONLINE),
        () -> all.stream().filter(g -> g.gateway().state() != GatewayState.ONLINE)
            .map(g -> g.site() + "/" + g.building()).limit(10).toList() + " still in fallback");
    connectSeconds = (System.nanoTime() - t0) / 1e9;
    setupSeconds = (System.nanoTime() - wallStart) / 1e9;
    out.printf(Locale.ROOT, "connected: %d gateways and %d control services, every gateway holds its "
        + "first setpoint, %.1f s; set-up %.1f s in all%n", all.size(), sites.size(), connectSeconds,
        setupSeconds);
    clock.stopAt(end);
    atRelease = Marks.now(brokerPid);
    clock.release();
    driver.scheduleWithFixedDelay(() -> {
      Instant now = clock.instant();
      for (SiteRun s : sites) {
        try {
          s.plant().advanceTo(now);
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "plant step of " + s.name() + " failed", e);
        }
      }
    }, 10, 10, TimeUnit.MILLISECONDS);
    out.printf(Locale.ROOT, "running: %d sites, %d buildings, %s days from %s at %.0fx (a control "
        + "period of %d min in %.2f s wall, the run in %.0f s)%n", sites.size(), all.size(),
        FleetReport.days(options.days()), options.from(), options.speed(), step.toMinutes(),
        options.wallSeconds(step), Duration.between(start, end).toMillis() / 1000.0 / options.speed());
  }

  /** Waits until simulated time reaches the end, printing progress every few simulated hours. */
  void awaitEnd() throws InterruptedException {
    long every = options.progressHours() > 0
        ? Duration.ofHours(options.progressHours()).toMillis() : Long.MAX_VALUE / 4;
    long nextLine = start.toEpochMilli() + every;
    Marks last = atRelease;
    int decidesSeen = 0;
    while (clock.instant().isBefore(end)) {
      Thread.sleep(100);
      long now = clock.instant().toEpochMilli();
      if (now >= nextLine && now < end.toEpochMilli()) {
        nextLine += every;
        Marks m = Marks.now(brokerPid);
        List<Double> walls = new ArrayList<>();
        int total = 0;
        for (SiteRun s : sites) {
          List<double[]> t = s.controller().timings();
          total += t.size();
          for (double[] d : t) {
            walls.add(d[1]);
          }
        }
        List<Double> recent = walls.subList(Math.min(decidesSeen, walls.size()), walls.size());
        decidesSeen = walls.size();
        long applied = 0;
        long fallbacks = 0;
        long expired = 0;
        for (GatewayRun g : gateways()) {
          applied += g.substation().ledger().size();
          fallbacks += g.gateway().counters().fallbacks();
          expired += g.gateway().counters().setpointsRejected(RejectReason.EXPIRED);
        }
        double dt = (m.wallNanos() - last.wallNanos()) / 1e9;
        out.printf(Locale.ROOT, "  day %5.2f  [%6.1f s]  setpoints applied %,9d  fallbacks %d  "
            + "expired %d  plans %,d (last %d: p99 %.0f ms)  CPU/s: jvm %.2f broker %s machine %s%n",
            (now - start.toEpochMilli()) / 86_400_000.0, (m.wallNanos() - atRelease.wallNanos()) / 1e9,
            applied, fallbacks, expired, total, recent.size(),
            FleetReport.quantile(recent, 0.99) * 1000, (m.jvmCpuS() - last.jvmCpuS()) / dt,
            rate(last.brokerCpuS(), m.brokerCpuS(), dt), machineRate(last, m, dt));
        last = m;
      }
    }
    atEnd = Marks.now(brokerPid);
  }

  private static String rate(OptionalDouble a, OptionalDouble b, double dt) {
    return a.isPresent() && b.isPresent()
        ? String.format(Locale.ROOT, "%.2f", (b.getAsDouble() - a.getAsDouble()) / dt) : "n/a";
  }

  private static String machineRate(Marks a, Marks b, double dt) {
    return a.machineCpuS().length == 2 && b.machineCpuS().length == 2
        ? String.format(Locale.ROOT, "%.2f", (b.machineCpuS()[0] - a.machineCpuS()[0]) / dt) : "n/a";
  }

  /**
   * After the end: lets the last messages arrive, measures memory with everything alive, stops
   * services and gateways, and computes the figures.
   */
  FleetReport finish() throws InterruptedException {
    // The last period's telemetry and the setpoints of the period at the end are on their way.
    Thread.sleep(Math.max(1500, 3 * options.gatewayTick().toMillis()));
    long heapEnd = heapAfterGc();
    long rss = ProcStat.rssBytes();
    long peakRss = ProcStat.peakRssBytes();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long maxHeap = Runtime.getRuntime().maxMemory();
    driver.shutdownNow();
    parallel("stopping the control services", sites, s -> s.runtime().close());
    parallel("stopping the gateways", gateways(), g -> g.gateway().close());
    FleetReport report = FleetReport.of(this, new FleetReport.Memory(heapBeforeSites, heapEnd, rss,
        peakRss, threads, maxHeap), (System.nanoTime() - wallStart) / 1e9);
    closeBroker();
    return report;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    driver.shutdownNow();
    for (SiteRun s : sites) {
      try {
        s.runtime().close();
      } catch (RuntimeException e) {
        // closing anyway
      }
      for (GatewayRun g : s.gateways()) {
        try {
          g.gateway().close();
        } catch (RuntimeException e) {
          // closing anyway
        }
      }
    }
    closeBroker();
  }

  private void closeBroker() {
    closed = true;
    if (broker != null) {
      broker.close();
    }
  }

  private interface Action<T> {
    void run(T t) throws Exception;
  }

  private static <T> void parallel(String what, List<T> items, Action<T> action)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      for (T item : items) {
        pool.execute(() -> {
          try {
            action.run(item);
          } catch (Exception e) {
            LOG.log(Level.WARNING, what + ": " + e);
          }
        });
      }
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
        LOG.warning(what + ": not done within 120 s");
      }
    }
  }

  static long heapAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void waitFor(String what, Duration limit, BooleanSupplier condition,
      java.util.function.Supplier<String> detail) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + limit + ": "
            + detail.get());
      }
      Thread.sleep(20);
    }
  }
}
