package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.loop.OperatorOverride;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.adapter.BufferedInfluxWriter;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.MosquittoBroker;
import org.heatgrid.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.heatgrid.learn.InfluxServer;

/**
 * The Grafana provisioning in {@code deploy/grafana}: every panel query of the dashboard, run
 * against a real influxd holding what a real closed loop wrote (Mosquitto, gateways on simulated
 * substations, the service's runtime and {@code InfluxRecorder}), must parse and return data; and
 * the provisioning files must agree with the dashboard and with each other. Grafana itself is
 * not run (no Debian package, no container runtime here): Grafana's macros are expanded the way
 * Grafana does it, and the query text goes to InfluxDB's {@code /query} as Grafana sends it.
 */
class GrafanaDashboardTest {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();
  @RegisterExtension
  static final InfluxServer INFLUX = new InfluxServer();

  /** B01, B02 auto (the planning controller), B03 mode heating_curve, B04 an operator override. */
  private static final List<String> IDS = List.of("B01", "B02", "B03", "B04");
  /** The loop's clock starts at {@link Loops#T0} and runs 15 simulated minutes per second. */
  private static final Instant FROM = Loops.T0.minus(Duration.ofHours(1));
  private static final Instant TO = Loops.T0.plus(Duration.ofDays(2));
  /** Grafana's $timeFilter for an absolute range, as its InfluxDB data source renders it. */
  private static final String TIME_FILTER = "time >= " + FROM.toEpochMilli() + "ms and time <= "
      + TO.toEpochMilli() + "ms";
  private static final String INTERVAL = "15m";
  private static final int PERIODS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void provisioningNamesTheDataSourceAndFolderTheDashboardUses() throws IOException {
    Path grafana = grafanaDir();
    JsonNode ds = datasource();
    assertThat(ds.path("type").asText()).isEqualTo("influxdb");
    assertThat(ds.path("access").asText()).isEqualTo("proxy");
    assertThat(ds.path("jsonData").path("version").asText()).isEqualTo("InfluxQL");
    String uid = ds.path("uid").asText();
    assertThat(uid).isNotBlank();

    // The database is the one the control service writes.
    Properties app = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
      app.load(in);
    }
    String db = app.getProperty("heatgrid.influx.database");
    assertThat(ds.path("jsonData").path("dbName").asText()).isEqualTo(db);
    assertThat(ds.path("database").asText()).isEqualTo(db);

    // The URL comes from an environment variable whose default is in grafana.env.
    Matcher url = Pattern.compile("\\$\\{?(\\w+)}?").matcher(ds.path("url").asText());
    assertThat(url.matches()).as("data source url " + ds.path("url")).isTrue();
    Properties env = new Properties();
    try (InputStream in = Files.newInputStream(grafana.resolve("grafana.env"))) {
      env.load(in);
    }
    assertThat(env.getProperty(url.group(1))).isEqualTo("http://influxdb:8086");

    // The dashboard provider: a file provider with a folder, reading where the README mounts
    // deploy/grafana/dashboards.
    JsonNode providers = YAML.readTree(grafana.resolve("provisioning/dashboards/heatgrid.yaml").toFile());
    assertThat(providers.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(providers.path("providers")).hasSize(1);
    JsonNode provider = providers.path("providers").get(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    assertThat(provider.path("folder").asText()).isEqualTo("heatgrid");
    String path = provider.path("options").path("path").asText();
    assertThat(path).startsWith("/");
    String readme = Files.readString(grafana.getParent().resolve("README.md"));
    assertThat(readme).contains("deploy/grafana/dashboards:" + path)
        .contains("deploy/grafana/provisioning:/etc/grafana/provisioning")
        .contains("--env-file deploy/grafana/grafana.env");

    // Every dashboard in that folder uses only this data source.
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(grafana.resolve("dashboards"))) {
      dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).extracting(p -> p.getFileName().toString())
        .contains("heatgrid-cluster.json");
    for (Path file : dashboards) {
      JsonNode d = JSON.readTree(file.toFile());
      assertThat(d.path("uid").asText()).as(file + " uid").isNotBlank();
      assertThat(d.path("title").asText()).as(file + " title").isNotBlank();
      assertThat(d.path("schemaVersion").asInt()).as(file + " schemaVersion").isBetween(36, 41);
      List<JsonNode> refs = new ArrayList<>();
      collectDatasources(d, refs);
      assertThat(refs).as(file + " data source references").isNotEmpty();
      for (JsonNode ref : refs) {
        if (ref.path("type").asText().equals("grafana")) {
          continue; // the built-in annotations
        }
        assertThat(ref.path("type").asText()).as(file + ": " + ref).isEqualTo("influxdb");
        assertThat(ref.path("uid").asText()).as(file + ": " + ref).isEqualTo(uid);
      }
      for (JsonNode panel : panels(d)) {
        String type = panel.path("type").asText();
        if (!type.equals("text") && !type.equals("row")) {
          assertThat(panel.path("targets")).as(file + " panel " + panel.path("title") + " targets")
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void everyPanelQueryReturnsWhatARealClosedLoopWrote() throws Exception {
    String db = datasource().path("jsonData").path("dbName").asText();
    JsonNode dashboard = JSON.readTree(grafanaDir().resolve("dashboards/heatgrid-cluster.json").toFile());

    long started = System.nanoTime();
    runLoop(db);
    System.out.printf("GrafanaDashboardTest: closed loop of %d periods ran in %.1f s%n", PERIODS,
        (System.nanoTime() - started) / 1e9);

    // The absolute range covers everything the loop wrote.
    for (String[] m : new String[][] {{"telemetry", "seq"}, {"setpoint", "seq"},
        {"plan", "supply_setpoint_c"}, {"forecast", "lead"}, {"loop", "decide_s"}}) {
      String count = "SELECT count(\"" + m[1] + "\") FROM \"" + m[0] + "\"";
      long all = singleCount(db, count + " WHERE time >= '1970-01-01T00:00:00Z' AND time <= '2200-01-01T00:00:00Z'");
      assertThat(all).as(m[0] + " points").isPositive();
      assertThat(singleCount(db, count + " WHERE " + TIME_FILTER)).as(m[0] + " points in "
          + TIME_FILTER).isEqualTo(all);
    }

    // The template variable lists the buildings.
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("name").asText()).isEqualTo("building");
    JsonNode values = query(db, variable.path("query").asText());
    Set<String> buildings = new TreeSet<>();
    values.path("series").get(0).path("values").forEach(v -> buildings.add(v.get(1).asText()));
    assertThat(buildings).containsExactlyElementsOf(IDS);

    // Each target with one building and with "All" (Grafana's regex of every value).
    Map<String, String> selections = new LinkedHashMap<>();
    selections.put("B01", "B01");
    selections.put("All", "(" + String.join("|", IDS) + ")");
    int queries = 0;
    Map<String, Set<String>> modes = new HashMap<>();
    for (JsonNode panel : panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        String raw = target.path("query").asText();
        String what = "panel '" + panel.path("title").asText() + "' target "
            + target.path("refId").asText();
        assertThat(target.path("rawQuery").asBoolean()).as(what + " rawQuery").isTrue();
        for (Map.Entry<String, String> sel : selections.entrySet()) {
          if (sel.getKey().equals("All") && !raw.contains("$building")) {
            continue;
          }
          String q = expand(raw, sel.getValue());
          String as = what + " ($building = " + sel.getKey() + "): " + q;
          JsonNode result = query(db, q);
          assertThat(result.path("error").isMissingNode()).as(as + " -> " + result).isTrue();
          JsonNode series = result.path("series");
          assertThat(series.isArray() && series.size() > 0).as(as + ": no series").isTrue();
          boolean anyValue = false;
          for (JsonNode s : series) {
            s.path("tags").fields().forEachRemaining(tag -> assertThat(tag.getValue().asText())
                .as(as + ": empty value of tag " + tag.getKey() + " (GROUP BY an unknown tag?)")
                .isNotEmpty());
            for (JsonNode row : s.path("values")) {
              for (int c = 1; c < row.size(); c++) {
                anyValue |= !row.get(c).isNull();
              }
            }
            if (raw.contains("GROUP BY time($__interval), \"mode\"") && sel.getKey().equals("All")) {
              modes.computeIfAbsent(what, k -> new TreeSet<>()).add(s.path("tags").path("mode").asText());
            }
          }
          assertThat(anyValue).as(as + ": only null values").isTrue();
          queries++;
        }
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(15);
    assertThat(modes).isNotEmpty().allSatisfy((panel, seen) -> assertThat(seen).as(panel)
        .containsExactlyInAnyOrder("auto", "heating_curve", "manual"));
  }

  /**
   * A closed loop like {@link ClosedLoopTest}'s, writing to database {@code db}, with a planning
   * controller that fails once, a building in mode heating_curve and one overridden, so that
   * every measurement and the fallback fields get values.
   */
  private static void runLoop(String db) {
    Clock clock = Loops.clock();
    Site site = Loops.site(IDS);
    OperatorState operator = new OperatorState(site, e -> {});
    Instant now = clock.instant();
    operator.setMode("B03", Mode.HEATING_CURVE, "test", "the gateway's own curve", now);
    operator.setOverride(new OperatorOverride("B04", 50, now.plus(Duration.ofDays(1)),
        "commissioning", "test", now));
    BufferedInfluxWriter influx = new BufferedInfluxWriter(INFLUX.url(), db, 100_000, 5000,
        Duration.ofMillis(200));
    List<EdgeGateway> gws = Loops.gateways(BROKER, clock, IDS);
    PlanningCurve controller = new PlanningCurve(3);
    ControlRuntime rt = null;
    try {
      await().atMost(Duration.ofSeconds(15)).until(() -> gws.stream().allMatch(EdgeGateway::isConnected));
      rt = Loops.runtime(BROKER, clock, operator, influx, controller);
      ControlRuntime r = rt;
      rt.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> r.loop().counters().periods() >= PERIODS
          && r.inbox().accepted() >= 3L * IDS.size());
      assertThat(controller.failed).isTrue();
      assertThat(r.loop().counters().controllerFailures()).isEqualTo(1);
    } finally {
      if (rt != null) {
        rt.close(); // flushes InfluxDB
      } else {
        influx.close();
      }
      gws.forEach(EdgeGateway::close);
    }
    assertThat(influx.dropped()).isZero();
  }

  /** Grafana's macros and the building variable, expanded as Grafana's InfluxDB source does. */
  private static String expand(String query, String building) {
    String q = query.replace("$timeFilter", TIME_FILTER).replace("$__interval", INTERVAL)
        .replace("$building", building);
    assertThat(q).as("a macro left in " + q).doesNotContainPattern("\\$[A-Za-z_]");
    return q;
  }

  private static JsonNode query(String db, String q) throws IOException, InterruptedException {
    URI uri = URI.create(INFLUX.url() + "/query?epoch=ms&db=" + enc(db) + "&q=" + enc(q));
    HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(q + " -> " + res.body()).isEqualTo(200);
    JsonNode results = JSON.readTree(res.body()).path("results");
    assertThat(results).as(q).hasSize(1);
    return results.get(0);
  }

  private static long singleCount(String db, String q) throws IOException, InterruptedException {
    JsonNode r = query(db, q);
    assertThat(r.path("error").isMissingNode()).as(q + " -> " + r).isTrue();
    JsonNode series = r.path("series");
    return series.isArray() && series.size() > 0 ? series.get(0).path("values").get(0).get(1).asLong() : 0;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode datasource() throws IOException {
    JsonNode root = YAML.readTree(grafanaDir().resolve("provisioning/datasources/heatgrid.yaml").toFile());
    assertThat(root.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(root.path("datasources")).hasSize(1);
    return root.path("datasources").get(0);
  }

  /** The dashboard's panels, with those inside rows. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  /** Every {@code datasource} object in the dashboard (panels, targets, variables). */
  private static void collectDatasources(JsonNode node, List<JsonNode> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getKey().equals("datasource")) {
          assertThat(f.getValue().isObject()).as("datasource as {type, uid}: " + f.getValue()).isTrue();
          out.add(f.getValue());
        } else {
          collectDatasources(f.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectDatasources(n, out));
    }
  }

  private static Path grafanaDir() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path g = p.resolve("deploy/grafana");
      if (Files.isDirectory(g)) {
        return g;
      }
    }
    throw new IllegalStateException("deploy/grafana not found above " + Paths.get("").toAbsolutePath());
  }

  /**
   * The baseline heating curve with a plan (the curve's setpoint for the next eight periods, the
   * building's last heat rate as planned heat), failing once at its {@code failAt}-th decision:
   * what a planning controller (the MPC) gives the recorder, without its solver's cost.
   */
  private static final class PlanningCurve implements Controller {
    private final HeatingCurveController curve = new HeatingCurveController(BaselineSettings.DEFAULTS);
    private final int failAt;
    private int decisions;
    volatile boolean failed;

    PlanningCurve(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public String name() {
      return "planning-curve";
    }

    @Override
    public void start(Site site) {
      curve.start(site);
    }

    @Override
    public Decision decide(Observation o) {
      if (++decisions == failAt) {
        failed = true;
        throw new IllegalStateException("test: the solver gave up");
      }
      Decision d = curve.decide(o);
      Map<String, List<PlanStep>> plans = new HashMap<>();
      d.commands().forEach((id, c) -> {
        Telemetry t = o.telemetry().get(id);
        double heat = t == null ? Double.NaN : t.heatKw();
        List<PlanStep> steps = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
          steps.add(new PlanStep(o.time().plus(o.step().multipliedBy(k)), c.supplySetpointC(), heat));
        }
        plans.put(id, steps);
      });
      return new Decision(d.commands(), id -> plans.getOrDefault(id, List.of()));
    }
  }
}
