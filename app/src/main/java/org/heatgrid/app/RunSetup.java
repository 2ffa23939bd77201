package org.heatgrid.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.sim.run.Recorder;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.time.SimulatedClock;

/**
 * Everything a run prepares before Quarkus starts: the scenario and its period, the baseline
 * reference (the simulator, in-process, same trace), the controller, the warmed-up plant, the
 * broker, the simulated clock and the service's settings.
 */
final class RunSetup {

  private final RunOptions options;
  private final Scenario scenario;
  private final RunResult reference;
  private final boolean learns;
  private final LocalDate liveFrom;
  private final Controller warmCurve;
  private boolean warmCurveTaken;
  private final ForecastGenerator forecasts;
  private final LivePlant plant;
  private final RunningSavings savings;
  private final SimulatedClock clock;
  private final EmbeddedBroker broker;
  private final String brokerUri;
  private final Credentials credentials;
  private final Map<String, String> apiPasswords = new LinkedHashMap<>();
  private volatile Consumer<Recorder> stepListener = r -> {};

  private RunSetup(RunOptions o, PrintStream out) throws IOException {
    this.options = o;
    if (!(o.speed > 0) || Double.isInfinite(o.speed)) {
      throw new IllegalArgumentException("--speed must be a positive number: " + o.speed);
    }
    if (o.days != null && o.days < 1) {
      throw new IllegalArgumentException("--days must be at least 1: " + o.days);
    }
    if (!List.of("mpc", "baseline").contains(o.controller)) {
      throw new IllegalArgumentException("--controller must be mpc or baseline: " + o.controller);
    }
    Scenario s = ScenarioLoader.load(o.scenario);
    LocalDate from = o.from != null ? o.from : s.from();
    LocalDate to = o.days != null ? from.plusDays(o.days - 1L) : s.to();
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--from " + from + " is after the scenario's last day " + to);
    }
    this.scenario = s.withPeriod(from, to);
    long t0 = System.nanoTime();
    this.reference = new Simulation(scenario).run(new HeatingCurveController(scenario.baseline()));
    out.printf(Locale.ROOT, "baseline reference: %s, %s to %s, simulated in %.1f s%n",
        scenario.name(), from, to, (System.nanoTime() - t0) / 1e9);
    this.learns = o.controller.equals("mpc");
    if (learns && o.historyDays < 4) {
      throw new IllegalArgumentException("--history-days must be at least 4 (the learning holds "
          + "out days and backtests on the last three): " + o.historyDays);
    }
    if (!(o.historySpeed > 0) || Double.isInfinite(o.historySpeed)) {
      throw new IllegalArgumentException("--history-speed must be a positive number: " + o.historySpeed);
    }
    this.liveFrom = learns ? from.minusDays(o.historyDays) : from;
    // The warm-up and, with mpc, the history days run the scenario's commissioned heating curve.
    Controller c = new HeatingCurveController(scenario.baseline());
    this.forecasts = Simulation.forecasts(scenario);
    t0 = System.nanoTime();
    this.plant = new LivePlant(scenario, liveFrom, c, forecasts, reference.steps(), this::afterStep);
    out.printf(Locale.ROOT, "warm-up: %d days under %s in-process, %.1f s%n",
        scenario.warmupDays(), c.name(), (System.nanoTime() - t0) / 1e9);
    this.warmCurve = new WarmController(c, plant.site());
    this.savings = new RunningSavings(reference, plant.buildings());
    this.clock = SimulatedClock.held(liveFrom.atStartOfDay(scenario.zone()).toInstant(), o.speed);
    if (learns) {
      // Each run learns afresh from its own history: an earlier run's record or bundles must not count.
      deleteRecursively(o.data.resolve("models"));
      Files.deleteIfExists(o.data.resolve("points.lp"));
    }
    Files.createDirectories(o.data);
    if (o.broker == null) {
      List<String> users = new java.util.ArrayList<>(List.of(BrokerAcl.CONTROLLER));
      plant.site().buildings().forEach(b -> users.add(b.id()));
      this.credentials = Credentials.random(users);
      this.broker = EmbeddedBroker.start(o.data.resolve("broker"), 1883, credentials.byUser());
      this.brokerUri = broker.uri();
      Path passwords = o.data.resolve("broker").resolve("credentials");
      credentials.write(passwords);
      out.println("MQTT broker: embedded HiveMQ CE on " + brokerUri + ", users and ACL of"
          + " deploy/mosquitto/acl; this run's passwords in " + passwords);
    } else {
      this.broker = null;
      this.brokerUri = o.broker;
      this.credentials = o.credentials != null ? Credentials.read(o.credentials)
          : Credentials.fromEnvironment();
      out.println("MQTT broker: " + brokerUri);
    }
    SecureRandom random = new SecureRandom();
    for (String user : List.of("viewer", "operator", "admin")) {
      apiPasswords.put(user, Credentials.randomPassword(random));
    }
  }

  /** Prepares a run; prints what it did to {@code out}. */
  static RunSetup prepare(RunOptions o, PrintStream out) throws IOException {
    return new RunSetup(o, out);
  }

  private void afterStep(Recorder r) {
    savings.update(r);
    stepListener.accept(r);
  }

  /** Called after every live step, under the plant's lock. */
  void onStep(Consumer<Recorder> listener) {
    this.stepListener = listener;
  }

  /** The control service's settings for this run, as system properties. */
  Map<String, String> serviceProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("heatgrid.mqtt.uri", brokerUri);
    p.put("heatgrid.mqtt.user", "controller");
    p.put("heatgrid.mqtt.password", credentials.password("controller"));
    p.put("heatgrid.mqtt.reconnect-max-seconds", "1");
    p.put("heatgrid.time.speed", String.valueOf(options.speed));
    p.put("heatgrid.time.start", clock.instant().toString());
    p.put("heatgrid.loop.period", scenario.controlStep().toString());
    // Look at the clock often: at 2880x one wall millisecond is ~3 simulated seconds.
    p.put("heatgrid.loop.tick", "PT0.01S");
    p.put("heatgrid.loop.autostart", "false");
    p.put("heatgrid.influx.enabled", String.valueOf(options.influx != null));
    if (options.influx != null) {
      p.put("heatgrid.influx.url", options.influx);
    }
    p.put("heatgrid.data-dir", options.data.toString());
    if (learns) {
      p.put("heatgrid.models.mode", "auto");
      p.put("heatgrid.models.store", options.data.resolve("models").toString());
      p.put("heatgrid.models.min-days", String.valueOf(options.historyDays));
      // The run learns once, at the end of the history; a weekly re-learning would fall mid-run.
      p.put("heatgrid.models.relearn", "false");
    }
    // Each run starts its season afresh: an override saved by an earlier run must not come back.
    p.put("heatgrid.operator.restore", "false");
    p.put("quarkus.http.port", String.valueOf(options.port));
    apiPasswords.forEach((user, pw) -> {
      p.put("quarkus.security.users.embedded.users." + user, pw);
      p.put("quarkus.security.users.embedded.roles." + user, user);
    });
    return p;
  }

  RunOptions options() {
    return options;
  }

  Scenario scenario() {
    return scenario;
  }

  RunResult reference() {
    return reference;
  }

  /**
   * The controller the run hands the service: with baseline, the warmed-up heating curve; with
   * mpc, none, since the service runs its own models (the heating curve until it has learnt).
   */
  Optional<Controller> controller() {
    return learns ? Optional.empty() : Optional.of(warmCurve);
  }

  /** The site's heating curve for the service: the warmed-up one first, then new ones. */
  synchronized Controller heatingCurve() {
    if (!warmCurveTaken) {
      warmCurveTaken = true;
      return warmCurve;
    }
    return new HeatingCurveController(scenario.baseline());
  }

  /** Whether the run learns its MPC from a history period first. */
  boolean learns() {
    return learns;
  }

  /** The first day the service runs (the history's first day with mpc). */
  LocalDate liveFrom() {
    return liveFrom;
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /** The loop's weather forecasts: the simulator's, with the scenario's error level. */
  WeatherSource weather() {
    return now -> forecasts.forecast(LocalDateTime.ofInstant(now, scenario.zone()), now);
  }

  LivePlant plant() {
    return plant;
  }

  RunningSavings savings() {
    return savings;
  }

  SimulatedClock clock() {
    return clock;
  }

  String brokerUri() {
    return brokerUri;
  }

  Credentials credentials() {
    return credentials;
  }

  Map<String, String> apiPasswords() {
    return apiPasswords;
  }

  /** Stops the embedded broker, if any. */
  void stopBroker() {
    if (broker != null) {
      try {
        broker.close();
      } catch (Exception e) {
        // shutting down anyway
      }
    }
  }

  Path data() {
    return options.data;
  }

  Instant start() {
    return scenario.from().atStartOfDay(scenario.zone()).toInstant();
  }
}
