package org.heatgrid.control.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.fallback.LocalFallback;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;
import org.heatgrid.weather.WeatherForecast;
import org.heatgrid.wire.TelemetryMessage;

/**
 * The control loop of one site: once per control period it builds the {@link Observation}
 * (latest telemetry, weather forecast, time), asks the controller, applies the operators' modes
 * and unexpired overrides, publishes one setpoint per building and records what it did.
 *
 * <p>It never throws out of {@link #tick()} or {@link #runOnce}: a controller that throws, or
 * leaves a building without a valid command (missing, not finite, above the building's maximum
 * supply temperature), gives way to the baseline heating curve for that period, counted; a failing
 * outbox, recorder or weather source is logged and counted.
 *
 * <p>Between periods {@link #tick()} republishes a building whose steering changed: an operator set
 * or cleared an override or changed the mode, or an override expired. Such a setpoint reuses the
 * period's commands with a new seq.
 *
 * <p>Time comes from the injected clock ({@link #tick()}) or the caller ({@link #runOnce}); it may
 * be simulated and run faster than real time. Thread-safe: {@link #tick()} and {@link #runOnce} are
 * serialised; the read methods may be called from any thread.
 */
public final class ControlLoop {

  private static final Logger LOG = Logger.getLogger(ControlLoop.class.getName());

  private final LoopSettings settings;
  private final Clock clock;
  private final Controller controller;
  private final Controller curve;
  private final TelemetryInbox inbox;
  private final SetpointOutbox outbox;
  private final WeatherSource weather;
  private final OperatorState operator;
  private final Recorder recorder;
  private final LoopCounters counters = new LoopCounters();

  // loop state, guarded by this
  private long siteVersion = -1;
  private Instant lastPeriodStart;
  private final Map<String, Long> seqs = new HashMap<>();
  private final Map<String, Steering> auto = new HashMap<>();
  private final Map<String, Command> curveCommands = new HashMap<>();
  private final Map<String, SteeringKey> publishedKey = new HashMap<>();

  // views for other threads
  private final Map<String, Setpoint> lastSetpoints = new ConcurrentHashMap<>();
  private volatile PeriodReport lastReport;

  /**
   * @param settings period, validity, first seq
   * @param clock the loop's time (simulated time may run faster than real time)
   * @param controller the controller; {@link Controller#start} is called before its first decision
   *     and again whenever the operators change the site
   * @param curve the baseline heating curve (usually {@code HeatingCurveController}): what a
   *     building gets when the controller fails it, and in mode manual without an override
   * @param io where telemetry comes from, setpoints go, and the forecast and records come from/go
   * @param operator modes, overrides and the site
   */
  public ControlLoop(LoopSettings settings, Clock clock, Controller controller, Controller curve,
      LoopIo io, OperatorState operator) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.controller = Objects.requireNonNull(controller, "controller");
    this.curve = Objects.requireNonNull(curve, "curve");
    this.inbox = io.inbox();
    this.outbox = io.outbox();
    this.weather = io.weather();
    this.recorder = io.recorder();
    this.operator = Objects.requireNonNull(operator, "operator");
  }

  /**
   * Looks at the clock: runs a control period when a new one has begun since the last run,
   * otherwise republishes the buildings whose steering changed. Never throws.
   */
  public synchronized void tick() {
    Instant now = clock.instant();
    Instant period = periodStart(now);
    if (lastPeriodStart == null || period.isAfter(lastPeriodStart)) {
      runOnce(now);
    } else {
      refreshChanged(now);
    }
  }

  /**
   * Runs one control period at {@code now}: observe, decide, apply modes and overrides, publish,
   * record. Never throws.
   *
   * @return the period's figures
   */
  public synchronized PeriodReport runOnce(Instant now) {
    lastPeriodStart = periodStart(now);
    Site site = operator.site();
    restartControllersIfSiteChanged(site);
    for (TelemetryMessage r : inbox.drain()) {
      record(() -> recorder.telemetry(r));
    }
    Map<String, Telemetry> telemetry = inbox.snapshot(now.minus(settings.telemetryMaxAge()));
    WeatherForecast forecast = forecast(now);
    record(() -> recorder.forecast(forecast));
    LocalDateTime local = LocalDateTime.ofInstant(now, site.zone());
    Observation observation = new Observation(now, local, settings.step(), telemetry, forecast);

    Decision curveDecision = decideSafely(curve, observation);
    long t0 = System.nanoTime();
    Decision decision = null;
    String failure = null;
    try {
      decision = Objects.requireNonNull(controller.decide(observation), "decision");
    } catch (RuntimeException | StackOverflowError e) {
      failure = e.toString();
      counters.controllerFailures.incrementAndGet();
      LOG.log(Level.WARNING, "controller " + controller.name() + " failed at " + now
          + "; the heating curve steers every building this period", e);
    }
    double decideSeconds = (System.nanoTime() - t0) / 1e9;

    int curveBuildings = 0;
    int published = 0;
    int failures = 0;
    for (BuildingInfo b : site.buildings()) {
      Command curveCmd = curveCommand(b, curveDecision, telemetry.get(b.id()));
      curveCommands.put(b.id(), curveCmd);
      Steering s = autoSteering(b, decision, failure, curveCmd, now);
      if (s.mode == Mode.AUTO && s.fromCurve) {
        curveBuildings++;
        counters.curveCommands.incrementAndGet();
      }
      auto.put(b.id(), s);
      if (!s.plan.isEmpty()) {
        record(() -> recorder.plan(b.id(), now, s.plan));
      }
      if (publish(b, now)) {
        published++;
      } else {
        failures++;
      }
    }
    counters.periods.incrementAndGet();
    PeriodReport report = new PeriodReport(now, controller.name(), decideSeconds, failure != null,
        failure, telemetry.size(), curveBuildings, published, failures);
    lastReport = report;
    record(() -> recorder.period(report));
    return report;
  }

  /**
   * Hands the telemetry accepted since the last period to the recorder (a period does this at its
   * start). Call it when stopping, so that nothing the inbox accepted is left unrecorded. Never
   * throws.
   *
   * @return how many readings were recorded
   */
  public synchronized int recordPendingTelemetry() {
    List<TelemetryMessage> pending = inbox.drain();
    for (TelemetryMessage r : pending) {
      record(() -> recorder.telemetry(r));
    }
    return pending.size();
  }

  /** The setpoint last handed to the outbox for a building. */
  public Optional<Setpoint> lastSetpoint(String buildingId) {
    return Optional.ofNullable(lastSetpoints.get(buildingId));
  }

  /** The figures of the last period run. */
  public Optional<PeriodReport> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  public LoopCounters counters() {
    return counters;
  }

  public TelemetryInbox inbox() {
    return inbox;
  }

  public OperatorState operator() {
    return operator;
  }

  public LoopSettings settings() {
    return settings;
  }

  public Controller controller() {
    return controller;
  }

  /** The start of the control period that contains {@code t} (periods align to the epoch). */
  public Instant periodStart(Instant t) {
    long step = settings.step().toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step);
  }

  // ---- inside the lock

  private void refreshChanged(Instant now) {
    for (BuildingInfo b : operator.site().buildings()) {
      SteeringKey key = steeringKey(b.id(), now);
      if (auto.containsKey(b.id()) && !key.equals(publishedKey.get(b.id()))) {
        if (publish(b, now)) {
          counters.refreshes.incrementAndGet();
        }
      }
    }
  }

  /** Publishes a building's setpoint at {@code now} from the period's commands and the operators' state. */
  private boolean publish(BuildingInfo b, Instant now) {
    Steering s = steer(b, now);
    long seq = seqs.merge(b.id(), settings.firstSeq(), (old, first) -> old + 1);
    Setpoint sp = new Setpoint(b.id(), seq, now, now.plus(settings.validity()), s.command, s.mode,
        s.reason, s.plan);
    publishedKey.put(b.id(), steeringKey(b.id(), now));
    boolean ok;
    try {
      outbox.publish(sp);
      counters.published.incrementAndGet();
      lastSetpoints.put(b.id(), sp);
      ok = true;
    } catch (RuntimeException e) {
      counters.publishFailures.incrementAndGet();
      LOG.log(Level.WARNING, "setpoint " + seq + " for " + b.id() + " not published: " + e);
      ok = false;
    }
    record(() -> recorder.setpoint(sp));
    return ok;
  }

  private Steering steer(BuildingInfo b, Instant now) {
    Mode mode = operator.mode(b.id());
    Optional<OperatorOverride> o = operator.activeOverride(b.id(), now);
    Command curveCmd = curveCommands.get(b.id());
    if (mode == Mode.HEATING_CURVE) {
      return new Steering(curveCmd, Mode.HEATING_CURVE,
          "operator mode heating_curve: the gateway runs its local heating curve", List.of(), true);
    }
    if (o.isPresent()) {
      OperatorOverride ov = o.get();
      return new Steering(Command.supply(ov.supplySetpointC()), Mode.MANUAL, "override by " + ov.by()
          + " until " + ov.expiresAt() + ": " + ov.reason(), List.of(), false);
    }
    if (mode == Mode.MANUAL) {
      return new Steering(curveCmd, Mode.MANUAL,
          "operator mode manual without an active override: baseline heating curve", List.of(), true);
    }
    return auto.get(b.id());
  }

  /**
   * What decides a building's steering besides the period's commands: its mode and, unless the
   * mode is heating_curve, the override active now (null for none). A change is republished.
   */
  private record SteeringKey(Mode mode, Instant overrideAt, double overrideC) {}

  private SteeringKey steeringKey(String buildingId, Instant now) {
    Mode mode = operator.mode(buildingId);
    if (mode == Mode.HEATING_CURVE) {
      return new SteeringKey(mode, null, Double.NaN);
    }
    Optional<OperatorOverride> o = operator.activeOverride(buildingId, now);
    return o.isPresent() ? new SteeringKey(mode, o.get().at(), o.get().supplySetpointC())
        : new SteeringKey(mode, null, Double.NaN);
  }

  private Steering autoSteering(BuildingInfo b, Decision decision, String failure, Command curveCmd,
      Instant now) {
    if (decision == null) {
      return new Steering(curveCmd, Mode.AUTO, "baseline heating curve: controller "
          + controller.name() + " failed: " + failure, List.of(), true);
    }
    Command c = decision.command(b.id());
    if (c == null || !c.isValid() || c.supplySetpointC() > b.supplyMaxC()) {
      String why = c == null ? "no command" : "unusable command " + c;
      return new Steering(curveCmd, Mode.AUTO, "baseline heating curve: controller "
          + controller.name() + " gave " + why, List.of(), true);
    }
    List<PlanStep> plan = List.of();
    if (outbox.wantsPlans()) {
      try {
        plan = decision.plan(b.id());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "plan of " + b.id() + " unavailable at " + now + ": " + e);
      }
    }
    return new Steering(c, Mode.AUTO, "controller " + controller.name(), plan, false);
  }

  private Command curveCommand(BuildingInfo b, Decision curveDecision, Telemetry t) {
    Command c = curveDecision == null ? null : curveDecision.command(b.id());
    if (c != null && c.isValid()) {
      return c;
    }
    return LocalFallback.command(t == null ? Double.NaN : t.outdoorC(), b.supplyMaxC());
  }

  private Decision decideSafely(Controller c, Observation o) {
    try {
      return c.decide(o);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heating curve " + c.name() + " failed; gateways' local curve used", e);
      return null;
    }
  }

  private WeatherForecast forecast(Instant now) {
    try {
      return Objects.requireNonNull(weather.forecast(now), "forecast");
    } catch (RuntimeException e) {
      counters.weatherFailures.incrementAndGet();
      LOG.log(Level.WARNING, "no weather forecast at " + now + ", planning with a flat one: " + e);
      return PersistenceWeather.flat(now, settings.step(), 1, PersistenceWeather.meanOutdoor(inbox));
    }
  }

  private void restartControllersIfSiteChanged(Site site) {
    long version = operator.siteVersion();
    if (version == siteVersion) {
      return;
    }
    siteVersion = version;
    for (Controller c : List.of(controller, curve)) {
      try {
        c.start(site);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "controller " + c.name() + " failed to start", e);
      }
    }
  }

  private void record(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      counters.recorderFailures.incrementAndGet();
      LOG.log(Level.WARNING, "recorder failed: " + e);
    }
  }

  private record Steering(Command command, Mode mode, String reason, List<PlanStep> plan,
      boolean fromCurve) {}

  /** Duration helper for callers: the period length. */
  public Duration step() {
    return settings.step();
  }
}
