package org.heatgrid.app.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.MqttSettings;
import org.heatgrid.control.service.adapter.RuntimeSettings;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.plant.Plant;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.BrokerUsers;
import org.heatgrid.wire.PayloadCodec;

/**
 * One fleet bench run: N sites of the scenario's campus, each with its own {@link ControlRuntime}
 * (the control service minus HTTP, MQTT user {@code <site>.controller}) running its own MPC
 * instance in this JVM, and the simulated edge in a child JVM ({@link EdgeProcess}: each site's
 * plant with its own seed and one reference gateway per building, user {@code
 * <site>.<building>}), all through one broker, both sides on accelerated simulated time released
 * at the same wall-clock millisecond. {@link #prepare}, {@link #start}, {@link #awaitEnd}, {@link
 * #finish}; between start and the end a caller may talk to the broker itself ({@link #brokerUri},
 * {@link #credentials}).
 */
final class FleetRun implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FleetRun.class.getName());

  /** One site's control service. */
  record SiteRun(String name, long seed, Site site, TimedController controller, SiteSink sink,
      ControlRuntime runtime) {}

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
  private EdgeProcess edge;
  private final int buildingsPerSite;

  // figures of the preparation and the measured window
  double mpcSeconds;
  String mpcHistory;
  long heapBeforeSites;
  double setupSeconds;
  double connectSeconds;
  Marks atRelease;
  Marks atEnd;
  EdgeReport edgeReport;
  private boolean closed;

  /** CPU and wall clock at one moment. */
  record Marks(long wallNanos, double jvmCpuS, OptionalDouble edgeCpuS,
      OptionalDouble brokerCpuS, double[] machineCpuS, ThreadCpu threads) {
    static Marks now(long edgePid, long brokerPid) {
      return new Marks(System.nanoTime(), ProcStat.jvmCpuSeconds(), ProcStat.cpuSeconds(edgePid),
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

    this.clock = SimulatedClock.held(start, o.speed());

    // The sites as their services know them (building infos), and the broker's users.
    Map<String, List<String>> bySite = new LinkedHashMap<>();
    List<String> users = new ArrayList<>();
    List<Site> siteInfos = new ArrayList<>();
    List<Scenario> siteScenarios = new ArrayList<>();
    for (int i = 0; i < o.sites(); i++) {
      String name = FleetOptions.siteName(i, o.sites());
      Scenario si = scenario.withSeed(scenario.seed() + i);
      siteScenarios.add(si);
      List<BuildingInfo> infos = new Plant(si.buildings(), si.weather(), si.holidays(), si.seed())
          .buildingInfos();
      siteInfos.add(new Site(name, zone, step, si.tariff(), si.holidays(), infos));
      List<String> ids = infos.stream().map(BuildingInfo::id).toList();
      bySite.put(name, ids);
      users.add(BrokerUsers.fleetController(name));
      ids.forEach(b -> users.add(BrokerUsers.fleetGateway(name, b)));
    }
    this.buildingsPerSite = siteInfos.get(0).buildings().size();

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

    try {
      prepareEdgeAndServices(o, from, zone, siteInfos, siteScenarios, users.size() - o.sites());
    } catch (IOException | RuntimeException e) {
      // A failed preparation leaves no broker or child JVM behind.
      close();
      throw e;
    }
  }

  private void prepareEdgeAndServices(FleetOptions o, LocalDate from, ZoneId zone,
      List<Site> siteInfos, List<Scenario> siteScenarios, int buildings) throws IOException {
    // The simulated edge builds and warms up its plants in its own JVM meanwhile.
    Path edgeCredentials = o.out().toAbsolutePath().resolve("edge-credentials");
    Files.createDirectories(edgeCredentials.getParent());
    credentials.write(edgeCredentials);
    this.edge = EdgeProcess.start(o.edgeNice(), List.of("-Xmx3g"), List.of(
        "--scenario", o.scenario(), "--sites", String.valueOf(o.sites()),
        "--from", from.toString(), "--end", end.toString(),
        "--speed", String.valueOf(o.speed()), "--broker", brokerUri,
        "--credentials", edgeCredentials.toString(),
        "--gateway-tick-ms", String.valueOf(o.gatewayTick().toMillis()),
        "--progress-hours", String.valueOf(o.progressHours())), out);
    out.printf(Locale.ROOT, "simulated edge: a child JVM (pid %d%s) builds %d plants and %d "
        + "gateways%n", edge.pid(), o.edgeNice() != 0 ? ", nice " + o.edgeNice() : "", o.sites(),
        buildings);

    // The MPC's models: identified once for the campus, from its history period (MpcSetup).
    MpcParameters p = MpcParameters.DEFAULTS;
    long t0 = System.nanoTime();
    MpcSetup.Prepared prepared = MpcSetup.prepare(scenario, p);
    mpcSeconds = (System.nanoTime() - t0) / 1e9;
    mpcHistory = prepared.history();
    out.printf(Locale.ROOT, "MPC models: %s, %d buildings identified once in %.1f s (history: %s)%n",
        scenario.name(), prepared.models().size(), mpcSeconds, prepared.history());
    if (o.jitWarmup()) {
      t0 = System.nanoTime();
      new Simulation(scenario.withPeriod(from, from)).run(MpcSetup.controller(scenario, p, prepared));
      out.printf(Locale.ROOT, "JIT warm-up: the MPC planned one day of %s in-process, %.1f s%n",
          scenario.name(), (System.nanoTime() - t0) / 1e9);
    }
    heapBeforeSites = heapAfterGc();

    // The services, on one held clock.
    PayloadCodec codec = new PayloadCodec();
    long firstSeq = System.currentTimeMillis();
    for (int i = 0; i < o.sites(); i++) {
      Site site = siteInfos.get(i);
      String name = site.name();
      Scenario si = siteScenarios.get(i);
      ForecastGenerator forecasts = Simulation.forecasts(si);
      TimedController controller = new TimedController(MpcSetup.controller(si, p, prepared));
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
      sites.add(new SiteRun(name, si.seed(), site, controller, sink, rt));
    }
  }

  /** Prepares a run (broker, simulated edge, models, services); prints what it did. */
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

  /**
   * Connects the gateways, starts the services, waits until every gateway holds its first
   * setpoint (simulated time held at the start meanwhile), then lets time run to the end, on both
   * sides from the same wall-clock millisecond.
   */
  void start() throws InterruptedException, IOException {
    long t0 = System.nanoTime();
    int buildings = sites.size() * buildingsPerSite;
    edge.await("built", Duration.ofMinutes(20));
    edge.send("connect");
    Duration limit = Duration.ofSeconds(60 + buildings / 10);
    edge.await("connected", limit);
    // Let the last SUBSCRIBEs reach the broker before the first (retained) setpoints go out.
    Thread.sleep(500);
    for (SiteRun s : sites) {
      s.runtime().start();
    }
    edge.await("online", limit);
    connectSeconds = (System.nanoTime() - t0) / 1e9;
    setupSeconds = (System.nanoTime() - wallStart) / 1e9;
    out.printf(Locale.ROOT, "connected: %d gateways and %d control services, every gateway holds its "
        + "first setpoint, %.1f s; set-up %.1f s in all%n", buildings, sites.size(),
        connectSeconds, setupSeconds);
    long releaseAt = System.currentTimeMillis() + 500;
    edge.send("release " + releaseAt);
    clock.stopAt(end);
    long wait = releaseAt - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    atRelease = Marks.now(edge.pid(), brokerPid);
    clock.release();
    out.printf(Locale.ROOT, "running: %d sites, %d buildings, %s days from %s at %.0fx (a control "
        + "period of %d min in %.2f s wall, the run in %.0f s)%n", sites.size(), buildings,
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
        Marks m = Marks.now(edge.pid(), brokerPid);
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
        double dt = (m.wallNanos() - last.wallNanos()) / 1e9;
        out.printf(Locale.ROOT, "  day %5.2f  [%6.1f s]  plans %,d (last %d: p99 %.0f ms)  CPU/s: "
            + "services %.2f edge %s broker %s machine %s%n",
            (now - start.toEpochMilli()) / 86_400_000.0, (m.wallNanos() - atRelease.wallNanos()) / 1e9,
            total, recent.size(), FleetReport.quantile(recent, 0.99) * 1000,
            (m.jvmCpuS() - last.jvmCpuS()) / dt, rate(last.edgeCpuS(), m.edgeCpuS(), dt),
            rate(last.brokerCpuS(), m.brokerCpuS(), dt), machineRate(last, m, dt));
        last = m;
      }
    }
    atEnd = Marks.now(edge.pid(), brokerPid);
  }

  private static String rate(OptionalDouble a, OptionalDouble b, double dt) {
    return FleetReport.fmt(FleetReport.perSecond(a, b, dt));
  }

  private static String machineRate(Marks a, Marks b, double dt) {
    return a.machineCpuS().length == 2 && b.machineCpuS().length == 2
        ? String.format(Locale.ROOT, "%.2f", (b.machineCpuS()[0] - a.machineCpuS()[0]) / dt) : "n/a";
  }

  /**
   * After the end: lets the last messages arrive, measures memory with everything alive, stops
   * services and gateways, and computes the figures.
   */
  FleetReport finish() throws InterruptedException, IOException {
    // The last period's telemetry and the setpoints of the period at the end are on their way.
    Thread.sleep(Math.max(1500, 3 * options.gatewayTick().toMillis()));
    edgeReport = edge.finish(options.out().toAbsolutePath().resolve("edge.json"));
    long heapEnd = heapAfterGc();
    long rss = ProcStat.rssBytes();
    long peakRss = ProcStat.peakRssBytes();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long maxHeap = Runtime.getRuntime().maxMemory();
    parallel("stopping the control services", sites, s -> s.runtime().close());
    edge.close();
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
    for (SiteRun s : sites) {
      try {
        s.runtime().close();
      } catch (RuntimeException e) {
        // closing anyway
      }
    }
    if (edge != null) {
      edge.close();
    }
    closeBroker();
  }

  private void closeBroker() {
    closed = true;
    if (broker != null) {
      broker.close();
    }
  }

  interface Action<T> {
    void run(T t) throws Exception;
  }

  static <T> void parallel(String what, List<T> items, Action<T> action)
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

}
