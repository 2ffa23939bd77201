package org.heatgrid.app.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.heatgrid.app.fleet.FleetRun.SiteRun;
import org.heatgrid.control.loop.LoopCounters;
import org.heatgrid.gateway.RejectReason;

/**
 * The figures of a fleet run, computed once at its end: delivery (every gateway's {@link
 * SetpointLedger} and counters, from the simulated edge's {@link EdgeReport}, and the telemetry
 * the services received), plan times (the loop's {@code decide_s} per site and period, and the CPU
 * time of each plan), CPU (the services' JVM, the edge's, the broker, the whole machine) and
 * memory. {@link #json()} is {@code fleet.json}; {@link #table()} the
 * printed summary.
 */
final class FleetReport {

  /** The plan-time bar: p99 under this share of the wall-clock control period. */
  static final double PLAN_BUDGET_SHARE = 0.10;

  /** Memory at the end, with everything still running. */
  record Memory(long heapBeforeSites, long heapAfterGc, long rssBytes, long peakRssBytes,
      int threads, long maxHeap) {}

  /** One site's figures. */
  record SiteFigures(String name, long seed, int applied, int withoutOwnSetpoint, int missed,
      int late, double planP50Ms, double planP99Ms, double planMaxMs, double cpuP50Ms,
      double cpuP99Ms, int plans) {}

  // run
  final FleetOptions options;
  final int sites;
  final int buildings;
  final String scenario;
  final String broker;
  final double controlPeriodS;
  final double wallPeriodS;
  final double windowWallS;
  final double nominalWallS;
  final double totalWallS;
  final double setupS;
  final double mpcIdentifyS;
  final int cores;
  // delivery
  final int periods;
  final long expectedSetpoints;
  final long published;
  final long applied;
  final long withoutOwnSetpoint;
  final long missed;
  final long gatewaysWithMiss;
  final double gapSimulatedS;
  final long late;
  final double latencyP50WallMs;
  final double latencyP99WallMs;
  final double latencyMaxWallMs;
  final double setpointsPerSecond;
  final long fallbacks;
  final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
  final long telemetryPublished;
  final long telemetryDropped;
  final long telemetryReceived;
  final long telemetryExpected;
  final long telemetryLocalFallback;
  final long gatewayReconnects;
  final long resubscribes;
  final long controllerReconnects;
  final long publishFailures;
  final long controllerFailures;
  final long curveCommands;
  final long deferredSetpoints;
  final long inflightWaits;
  final long pointsRendered;
  final long telemetryRejected;
  // plans
  final double planBudgetMs;
  final double planP50Ms;
  final double planP99Ms;
  final double planMaxMs;
  final double planWorstSiteP99Ms;
  final long plansOverBudget;
  final long plans;
  final double planCpuP50Ms;
  final double planCpuP99Ms;
  final double planCpuMaxMs;
  final double planAllocP50Mb;
  final List<SiteFigures> perSite = new ArrayList<>();
  // CPU, per wall second of the window
  final double jvmCpu;
  final OptionalDouble edgeCpu;
  final OptionalDouble brokerCpu;
  final OptionalDouble machineCpu;
  final Map<String, Double> cpuByThreads;
  final Map<String, Double> edgeCpuByThreads = new java.util.LinkedHashMap<>();
  final Memory memory;
  final EdgeReport edge;

  private FleetReport(FleetRun run, Memory memory, double totalWallS) {
    this.options = run.options;
    this.memory = memory;
    this.edge = run.edgeReport;
    this.totalWallS = totalWallS;
    this.sites = run.sites.size();
    this.scenario = run.scenario.name();
    this.broker = run.brokerDescription();
    this.controlPeriodS = run.step.toMillis() / 1000.0;
    this.wallPeriodS = options.wallSeconds(run.step);
    this.windowWallS = (run.atEnd.wallNanos() - run.atRelease.wallNanos()) / 1e9;
    this.nominalWallS = (run.end.toEpochMilli() - run.start.toEpochMilli()) / 1000.0 / options.speed();
    this.setupS = run.setupSeconds;
    this.mpcIdentifyS = run.mpcSeconds;
    this.cores = Runtime.getRuntime().availableProcessors();
    long startMs = run.start.toEpochMilli();
    long endMs = run.end.toEpochMilli();
    long stepMs = run.step.toMillis();
    this.planBudgetMs = PLAN_BUDGET_SHARE * wallPeriodS * 1000;

    List<Double> latencies = new ArrayList<>();
    List<Double> allPlans = new ArrayList<>();
    List<Double> allCpu = new ArrayList<>();
    List<Double> allAlloc = new ArrayList<>();
    int nBuildings = 0;
    int nPeriods = 0;
    long sumApplied = 0;
    long sumWithout = 0;
    long sumMissed = 0;
    long withMiss = 0;
    long gapMs = 0;
    long sumLate = 0;
    long sumFallbacks = 0;
    long tPublished = 0;
    long tDropped = 0;
    long reconnects = 0;
    long resub = 0;
    for (RejectReason r : RejectReason.values()) {
      rejected.put(r, 0L);
    }
    long tReceived = 0;
    long tFallback = 0;
    long sPublished = 0;
    long sPublishFailures = 0;
    long sControllerFailures = 0;
    long sCurve = 0;
    long cReconnects = 0;
    long deferred = 0;
    long waits = 0;
    long points = 0;
    long tRejected = 0;
    double worstSiteP99 = 0;
    long overBudget = 0;
    Map<String, List<EdgeReport.Gateway>> gatewaysBySite = edge.gateways().stream()
        .collect(Collectors.groupingBy(EdgeReport.Gateway::site));
    for (SiteRun s : run.sites) {
      int siteApplied = 0;
      int siteWithout = 0;
      int siteMissed = 0;
      int siteLate = 0;
      for (EdgeReport.Gateway g : gatewaysBySite.getOrDefault(s.name(), List.of())) {
        nBuildings++;
        SetpointLedger.Coverage c = g.coverage();
        for (long v : g.latenciesMs()) {
          latencies.add(v / options.speed());
        }
        nPeriods = c.periods();
        siteApplied += c.applied();
        siteWithout += c.withoutOwnSetpoint();
        siteMissed += c.missed();
        siteLate += c.late();
        gapMs += c.gapMs();
        if (c.missed() > 0) {
          withMiss++;
        }
        sumFallbacks += g.fallbacks();
        g.rejected().forEach((r, n) -> rejected.merge(RejectReason.valueOf(r), n, Long::sum));
        tPublished += g.telemetryPublished();
        tDropped += g.telemetryDropped();
        reconnects += Math.max(0, g.connects() - 1);
        resub += g.resubscribes();
      }
      sumApplied += siteApplied;
      sumWithout += siteWithout;
      sumMissed += siteMissed;
      sumLate += siteLate;
      for (SiteSink.TelemetryPoint t : s.sink().telemetry()) {
        if (t.periodEndMs() > startMs && t.periodEndMs() <= endMs) {
          tReceived++;
          // The first period: every gateway starts on its curve (at the held start instant).
          if (t.localFallback() && t.periodEndMs() > startMs + stepMs) {
            tFallback++;
          }
        }
      }
      LoopCounters lc = s.runtime().loop().counters();
      sPublished += lc.published();
      sPublishFailures += lc.publishFailures();
      sControllerFailures += lc.controllerFailures();
      sCurve += lc.curveCommands();
      cReconnects += Math.max(0, s.runtime().mqtt().connects() - 1);
      deferred += s.runtime().mqtt().deferredSetpoints();
      waits += s.runtime().mqtt().inflightWaits();
      points += s.sink().written();
      tRejected += s.runtime().inbox().rejectedCounts().values().stream()
          .mapToLong(Long::longValue).sum();
      // Plans while time ran: not the first (time held at the start) nor one at the end.
      List<Double> sitePlans = new ArrayList<>();
      for (double[] d : s.sink().decideSeconds()) {
        if (d[0] > startMs && d[0] < endMs) {
          sitePlans.add(d[1] * 1000);
          if (d[1] * 1000 > planBudgetMs) {
            overBudget++;
          }
        }
      }
      List<Double> siteCpu = new ArrayList<>();
      for (double[] d : s.controller().timings()) {
        if (d[0] > startMs && d[0] < endMs) {
          siteCpu.add(d[2] * 1000);
          allAlloc.add(d[3] / 1e6);
        }
      }
      allPlans.addAll(sitePlans);
      allCpu.addAll(siteCpu);
      double p99 = quantile(sitePlans, 0.99);
      worstSiteP99 = Math.max(worstSiteP99, Double.isNaN(p99) ? 0 : p99);
      perSite.add(new SiteFigures(s.name(), s.seed(), siteApplied, siteWithout, siteMissed,
          siteLate, quantile(sitePlans, 0.5), p99, max(sitePlans), quantile(siteCpu, 0.5),
          quantile(siteCpu, 0.99), sitePlans.size()));
    }
    this.buildings = nBuildings;
    this.periods = nPeriods;
    this.expectedSetpoints = (long) nBuildings * nPeriods;
    this.published = sPublished;
    this.applied = sumApplied;
    this.withoutOwnSetpoint = sumWithout;
    this.missed = sumMissed;
    this.gatewaysWithMiss = withMiss;
    this.gapSimulatedS = gapMs / 1000.0;
    this.late = sumLate;
    this.latencyP50WallMs = quantile(latencies, 0.5);
    this.latencyP99WallMs = quantile(latencies, 0.99);
    this.latencyMaxWallMs = max(latencies);
    this.setpointsPerSecond = sumApplied / windowWallS;
    this.fallbacks = sumFallbacks;
    this.telemetryPublished = tPublished;
    this.telemetryDropped = tDropped;
    this.telemetryReceived = tReceived;
    this.telemetryExpected = (long) nBuildings * nPeriods;
    this.telemetryLocalFallback = tFallback;
    this.gatewayReconnects = reconnects;
    this.resubscribes = resub;
    this.controllerReconnects = cReconnects;
    this.publishFailures = sPublishFailures;
    this.controllerFailures = sControllerFailures;
    this.curveCommands = sCurve;
    this.deferredSetpoints = deferred;
    this.inflightWaits = waits;
    this.pointsRendered = points;
    this.telemetryRejected = tRejected;
    this.plans = allPlans.size();
    this.planP50Ms = quantile(allPlans, 0.5);
    this.planP99Ms = quantile(allPlans, 0.99);
    this.planMaxMs = max(allPlans);
    this.planWorstSiteP99Ms = worstSiteP99;
    this.plansOverBudget = overBudget;
    this.planCpuP50Ms = quantile(allCpu, 0.5);
    this.planCpuP99Ms = quantile(allCpu, 0.99);
    this.planCpuMaxMs = max(allCpu);
    this.planAllocP50Mb = quantile(allAlloc, 0.5);
    this.jvmCpu = (run.atEnd.jvmCpuS() - run.atRelease.jvmCpuS()) / windowWallS;
    this.edgeCpu = perSecond(run.atRelease.edgeCpuS(), run.atEnd.edgeCpuS(), windowWallS);
    edge.cpuByThreads().forEach((k, v) -> edgeCpuByThreads.put(k, v / windowWallS));
    this.brokerCpu = perSecond(run.atRelease.brokerCpuS(), run.atEnd.brokerCpuS(), windowWallS);
    this.machineCpu = run.atRelease.machineCpuS().length == 2 && run.atEnd.machineCpuS().length == 2
        ? OptionalDouble.of((run.atEnd.machineCpuS()[0] - run.atRelease.machineCpuS()[0])
            / windowWallS)
        : OptionalDouble.empty();
    this.cpuByThreads = new java.util.LinkedHashMap<>();
    run.atEnd.threads().since(run.atRelease.threads()).forEach((k, v) -> {
      if (v > 0) {
        cpuByThreads.put(k, v / windowWallS);
      }
    });
  }

  /**
   * The growth from {@code before} to {@code after} per second of {@code seconds}; empty unless
   * both are known.
   */
  static OptionalDouble perSecond(OptionalDouble before, OptionalDouble after, double seconds) {
    return before.isPresent() && after.isPresent()
        ? OptionalDouble.of((after.getAsDouble() - before.getAsDouble()) / seconds)
        : OptionalDouble.empty();
  }

  static FleetReport of(FleetRun run, Memory memory, double totalWallS) {
    return new FleetReport(run, memory, totalWallS);
  }

  // ---- bars

  boolean barBuildings() {
    return buildings >= 1024;
  }

  boolean barMissed() {
    return missed == 0;
  }

  boolean barDays() {
    return options.days() >= 2;
  }

  boolean barPlan() {
    return planP99Ms < planBudgetMs;
  }

  // ---- output

  ObjectNode json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ObjectNode r = root.putObject("run");
    r.put("sites", sites).put("buildings", buildings).put("scenario", scenario)
        .put("from", options.from().toString()).put("days", options.days())
        .put("speed", options.speed()).put("control_period_s", controlPeriodS)
        .put("control_period_wall_s", wallPeriodS).put("broker", broker)
        .put("gateway_tick_ms", options.gatewayTick().toMillis())
        .put("control_tick_ms", options.controlTick().toMillis())
        .put("jit_warmup", options.jitWarmup()).put("edge_nice", options.edgeNice())
        .put("edge", "plants and gateways in a child JVM").put("cores", cores)
        .put("java", System.getProperty("java.version"));
    ObjectNode w = root.putObject("wall_time");
    w.put("run_s", round(windowWallS, 2)).put("run_nominal_s", round(nominalWallS, 2))
        .put("setup_s", round(setupS, 2)).put("mpc_identification_s", round(mpcIdentifyS, 2))
        .put("total_s", round(totalWallS, 2));
    ObjectNode d = root.putObject("delivery");
    d.put("periods_per_building", periods).put("setpoints_expected", expectedSetpoints)
        .put("setpoints_published", published).put("setpoints_applied", applied)
        .put("setpoints_per_second", round(setpointsPerSecond, 1))
        .put("missed_setpoints", missed)
        .put("gateways_with_missed", gatewaysWithMiss)
        .put("time_without_valid_setpoint_simulated_s", round(gapSimulatedS, 1))
        .put("periods_without_own_setpoint", withoutOwnSetpoint)
        .put("setpoints_applied_after_their_period", late)
        .put("latency_wall_ms_p50", round(latencyP50WallMs, 2))
        .put("latency_wall_ms_p99", round(latencyP99WallMs, 2))
        .put("latency_wall_ms_max", round(latencyMaxWallMs, 2))
        .put("gateway_fallbacks", fallbacks);
    ObjectNode rej = d.putObject("setpoints_rejected");
    rejected.forEach((k, v) -> rej.put(k.name().toLowerCase(Locale.ROOT), v));
    d.put("telemetry_published", telemetryPublished).put("telemetry_dropped", telemetryDropped)
        .put("telemetry_expected", telemetryExpected).put("telemetry_received", telemetryReceived)
        .put("telemetry_rejected_by_services", telemetryRejected)
        .put("telemetry_local_fallback_after_first_period", telemetryLocalFallback)
        .put("gateway_reconnects", gatewayReconnects).put("gateway_resubscribes", resubscribes)
        .put("service_reconnects", controllerReconnects)
        .put("service_publish_failures", publishFailures)
        .put("service_deferred_setpoints", deferredSetpoints)
        .put("service_inflight_waits", inflightWaits)
        .put("controller_failures", controllerFailures)
        .put("curve_commands", curveCommands)
        .put("points_rendered", pointsRendered);
    ObjectNode p = root.putObject("plan");
    p.put("what", "wall time of Controller.decide per site and period (the loop's decide_s), "
            + "periods while time ran; cpu: the planning thread's CPU time; allocated: bytes the "
            + "planning thread allocated (garbage)")
        .put("plans", plans).put("budget_ms", round(planBudgetMs, 2))
        .put("wall_ms_p50", round(planP50Ms, 2)).put("wall_ms_p99", round(planP99Ms, 2))
        .put("wall_ms_max", round(planMaxMs, 2))
        .put("worst_site_wall_ms_p99", round(planWorstSiteP99Ms, 2))
        .put("plans_over_budget", plansOverBudget)
        .put("cpu_ms_p50", round(planCpuP50Ms, 2)).put("cpu_ms_p99", round(planCpuP99Ms, 2))
        .put("cpu_ms_max", round(planCpuMaxMs, 2))
        .put("allocated_mb_p50", round(planAllocP50Mb, 2));
    ObjectNode c = root.putObject("cpu_seconds_per_wall_second");
    c.put("services_jvm", round(jvmCpu, 3));
    putOptional(c, "edge_jvm", edgeCpu);
    putOptional(c, "broker", brokerCpu);
    putOptional(c, "machine_all_processes", machineCpu);
    c.put("cores", cores);
    ObjectNode byThreads = c.putObject("services_jvm_by_threads");
    cpuByThreads.forEach((k, v) -> byThreads.put(k, round(v, 3)));
    ObjectNode edgeThreads = c.putObject("edge_jvm_by_threads");
    edgeCpuByThreads.forEach((k, v) -> edgeThreads.put(k, round(v, 3)));
    ObjectNode mem = root.putObject("memory");
    mem.put("heap_after_full_gc_bytes", memory.heapAfterGc())
        .put("heap_after_full_gc_per_site_bytes", memory.heapAfterGc() / sites)
        .put("heap_before_sites_bytes", memory.heapBeforeSites())
        .put("heap_increment_per_site_bytes",
            (memory.heapAfterGc() - memory.heapBeforeSites()) / sites)
        .put("rss_bytes", memory.rssBytes()).put("peak_rss_bytes", memory.peakRssBytes())
        .put("rss_per_site_bytes", memory.rssBytes() / sites)
        .put("threads", memory.threads()).put("max_heap_bytes", memory.maxHeap())
        .put("what", "the services' JVM (control runtimes and MPCs); edge_*: the simulated "
            + "edge's JVM (plants and gateways)")
        .put("edge_heap_after_full_gc_bytes", edge.heapAfterGcBytes())
        .put("edge_rss_bytes", edge.rssBytes()).put("edge_threads", edge.threads());
    ObjectNode b = root.putObject("bars");
    b.put("buildings_at_least_1024", barBuildings()).put("zero_missed_setpoints", barMissed())
        .put("at_least_2_days", barDays()).put("plan_p99_under_10pct_of_wall_period", barPlan());
    ArrayNode s = root.putArray("sites");
    for (SiteFigures f : perSite) {
      s.addObject().put("site", f.name()).put("seed", f.seed()).put("applied", f.applied())
          .put("missed", f.missed()).put("without_own_setpoint", f.withoutOwnSetpoint())
          .put("late", f.late()).put("plans", f.plans())
          .put("plan_wall_ms_p50", round(f.planP50Ms(), 2))
          .put("plan_wall_ms_p99", round(f.planP99Ms(), 2))
          .put("plan_wall_ms_max", round(f.planMaxMs(), 2))
          .put("plan_cpu_ms_p50", round(f.cpuP50Ms(), 2))
          .put("plan_cpu_ms_p99", round(f.cpuP99Ms(), 2));
    }
    return root;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
  }

  String table() {
    StringBuilder t = new StringBuilder();
    String mb = "%,.1f MB";
    line(t, "fleet", String.format(Locale.ROOT, "%d sites x %d buildings = %d buildings (%s), "
        + "%s days from %s", sites, buildings / Math.max(1, sites), buildings, scenario,
        days(options.days()), options.from()));
    line(t, "speed", String.format(Locale.ROOT, "%.0fx: control period %.0f s = %.3f s wall",
        options.speed(), controlPeriodS, wallPeriodS));
    line(t, "broker", broker);
    line(t, "wall time", String.format(Locale.ROOT, "%.1f s run (nominal %.1f s), set-up %.1f s "
        + "(MPC identification %.1f s), %.1f s in all", windowWallS, nominalWallS, setupS,
        mpcIdentifyS, totalWallS));
    line(t, "setpoints", String.format(Locale.ROOT, "%,d applied of %,d expected (%d periods x %d "
        + "buildings), %,d published", applied, expectedSetpoints, periods, buildings, published));
    line(t, "missed setpoints", String.format(Locale.ROOT, "%d (periods without a valid controller "
        + "setpoint; %d gateways, %.0f simulated s); gateway fallbacks %d; telemetry with "
        + "local_fallback %d", missed, gatewaysWithMiss, gapSimulatedS, fallbacks,
        telemetryLocalFallback));
    line(t, "own setpoint", String.format(Locale.ROOT, "%d periods without their own setpoint "
        + "applied; %d applied after their period; rejected %s", withoutOwnSetpoint, late,
        rejectedText()));
    line(t, "delivery", String.format(Locale.ROOT, "%,.1f setpoints/s; latency issue->applied "
        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms wall", setpointsPerSecond, latencyP50WallMs,
        latencyP99WallMs, latencyMaxWallMs));
    line(t, "telemetry", String.format(Locale.ROOT, "%,d received by the services of %,d expected; "
        + "%,d published, %d dropped, %d rejected", telemetryReceived, telemetryExpected,
        telemetryPublished, telemetryDropped, telemetryRejected));
    line(t, "plan time", String.format(Locale.ROOT, "wall p50 %.1f ms, p99 %.1f ms, max %.1f ms "
        + "(worst site p99 %.1f ms; %d of %,d over budget); CPU p50 %.1f, p99 %.1f ms; budget "
        + "10%% of %.3f s = %.1f ms; %.1f MB allocated per plan (p50)", planP50Ms, planP99Ms,
        planMaxMs, planWorstSiteP99Ms, plansOverBudget, plans, planCpuP50Ms, planCpuP99Ms,
        wallPeriodS, planBudgetMs, planAllocP50Mb));
    line(t, "CPU (s per s)", String.format(Locale.ROOT, "services JVM %.2f, edge JVM %s (nice "
        + "%d), broker %s, whole machine %s, of %d cores", jvmCpu, fmt(edgeCpu),
        options.edgeNice(), fmt(brokerCpu), fmt(machineCpu), cores));
    line(t, "services by threads", groups(cpuByThreads));
    line(t, "edge by threads", groups(edgeCpuByThreads));
    line(t, "services memory", String.format(Locale.ROOT, "heap after full GC " + mb + " (" + mb
        + " per site; " + mb + " per site above the pre-fleet heap), RSS " + mb + " (" + mb
        + " per site, peak " + mb + "), %d threads", memory.heapAfterGc() / 1e6,
        memory.heapAfterGc() / 1e6 / sites,
        (memory.heapAfterGc() - memory.heapBeforeSites()) / 1e6 / sites,
        memory.rssBytes() / 1e6, memory.rssBytes() / 1e6 / sites,
        memory.peakRssBytes() / 1e6, memory.threads()));
    line(t, "edge memory", String.format(Locale.ROOT, "heap after full GC " + mb + ", RSS " + mb
        + ", %d threads", edge.heapAfterGcBytes() / 1e6, edge.rssBytes() / 1e6, edge.threads()));
    line(t, "service health", String.format(Locale.ROOT, "controller failures %d, curve commands %d, "
        + "publish failures %d, reconnects: services %d, gateways %d; resubscribes %d",
        controllerFailures, curveCommands, publishFailures, controllerReconnects,
        gatewayReconnects, resubscribes));
    line(t, "bars", String.format(Locale.ROOT, "1,024 buildings %s | 0 missed %s | >= 2 days %s | "
        + "plan p99 < 10%% of period %s", ok(barBuildings()), ok(barMissed()), ok(barDays()),
        ok(barPlan())));
    return t.toString();
  }

  private static String groups(Map<String, Double> byGroup) {
    StringBuilder g = new StringBuilder();
    byGroup.forEach((k, v) -> g.append(g.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.2f", k, v)));
    return g.toString();
  }

  private String rejectedText() {
    StringBuilder s = new StringBuilder();
    rejected.forEach((k, v) -> {
      if (v > 0) {
        s.append(s.length() == 0 ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT))
            .append(' ').append(v);
      }
    });
    return s.length() == 0 ? "none" : s.toString();
  }

  private static void line(StringBuilder t, String k, String v) {
    t.append(String.format(Locale.ROOT, "%-19s %s%n", k, v));
  }

  private static String ok(boolean b) {
    return b ? "PASS" : "FAIL";
  }

  static String fmt(OptionalDouble d) {
    return d.isPresent() ? String.format(Locale.ROOT, "%.2f", d.getAsDouble()) : "n/a";
  }

  private static void putOptional(ObjectNode n, String k, OptionalDouble v) {
    if (v.isPresent()) {
      n.put(k, round(v.getAsDouble(), 3));
    } else {
      n.putNull(k);
    }
  }

  private static double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** Days as written on the command line: 2, or 0.25. */
  static String days(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** Nearest-rank quantile; NaN when empty. */
  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
