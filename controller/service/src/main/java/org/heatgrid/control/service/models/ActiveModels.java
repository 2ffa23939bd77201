package org.heatgrid.control.service.models;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.SwitchableController;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.control.mpc.MpcSettings;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.control.mpc.solver.StructuredSolver;
import org.heatgrid.learn.BundleGate;
import org.heatgrid.learn.LearnSettings;
import org.heatgrid.learn.Learner;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.bundle.BundleException;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.learn.bundle.ModelBundle;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.heatgrid.site.Site;

/**
 * Which controller the loop runs and why. In mode {@code auto} the MPC runs from the store's
 * active bundle when it loads and fits the site, and the heating curve otherwise; the reason is
 * kept for {@code /api/status}, the log and the metrics. On a schedule (loop-clock time) it
 * re-learns from the service's own record: the new bundle is stored, and replaces the running one
 * only if {@link BundleGate} finds its held-out fit no worse; the decision and both figures go to
 * the audit log. An administrator can activate any stored bundle (a rollback) the same way. A
 * failure anywhere here leaves the running controller in place.
 */
public final class ActiveModels implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ActiveModels.class.getName());
  /** Who the audit log names for the service's own decisions. */
  public static final String SERVICE = "heatgrid";

  /**
   * @param mode {@code auto} or {@code curve}
   * @param relearn whether to re-learn on a schedule
   * @param relearnEvery loop-clock time between learnings
   * @param learn how bundles are learnt
   */
  public record Settings(String mode, boolean relearn, Duration relearnEvery, LearnSettings learn) {
    public Settings {
      if (!mode.equals("auto") && !mode.equals("curve")) {
        throw new IllegalArgumentException("heatgrid.models.mode: '" + mode
            + "' is not auto or curve");
      }
      if (relearnEvery.isZero() || relearnEvery.isNegative()) {
        throw new IllegalArgumentException("heatgrid.models.relearn-every: " + relearnEvery
            + " is not positive");
      }
    }
  }

  /**
   * What runs now.
   *
   * @param controller {@code mpc} or {@code heating-curve}
   * @param bundle the bundle the MPC runs from, null for the heating curve
   * @param reason why this controller runs
   * @param since when it took over (loop clock)
   * @param nextLearn when the service next learns (null when it does not)
   * @param lastLearn what the last learning decided (null before the first)
   */
  public record State(String controller, String bundle, String reason, Instant since,
      Instant nextLearn, String lastLearn) {}

  private final Site site;
  private final BundleStore store;
  private final RecordSource ownRecord;
  private final Clock clock;
  private final OperatorState audit;
  private final Settings settings;
  private final SwitchableController controller;
  private final ScheduledExecutorService learner;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final boolean supplied;
  private final SiteSavings savings;
  private final Supplier<Controller> curve;
  private volatile ModelBundle running;
  private volatile State state;
  private volatile Instant nextLearn;
  private volatile String lastLearn;

  public ActiveModels(Site site, BundleStore store, RecordSource ownRecord, Clock clock,
      OperatorState audit, Settings settings) {
    this(site, store, ownRecord, clock, audit, settings, null, null);
  }

  /**
   * @param supplied a controller the embedding application supplies (RuntimeHooks): it runs, and
   *     bundles are neither learnt nor activated here; null for the bundles' MPC
   * @param curve the site's heating curve (each call a new one), or null for the default curve
   */
  public ActiveModels(Site site, BundleStore store, RecordSource ownRecord, Clock clock,
      OperatorState audit, Settings settings, Controller supplied, Supplier<Controller> curve) {
    this.site = site;
    this.store = store;
    this.ownRecord = ownRecord;
    this.clock = clock;
    this.audit = audit;
    this.settings = settings;
    this.curve = curve != null ? curve
        : () -> new HeatingCurveController(BaselineSettings.DEFAULTS);
    this.supplied = supplied != null;
    this.savings = new SiteSavings(site, store.root().resolve("mv"), ownRecord);
    this.controller = new SwitchableController(supplied != null ? supplied : curve());
    this.nextLearn = settings.relearn() && supplied == null
        ? clock.instant().plus(settings.relearnEvery()) : null;
    this.learner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "model-learning");
      t.setDaemon(true);
      return t;
    });
    this.state = initial();
    LOG.info(() -> "controller of " + site.name() + ": " + state.controller()
        + (state.bundle() == null ? "" : " from bundle " + state.bundle()) + " (" + state.reason() + ")");
  }

  private State initial() {
    Instant now = clock.instant();
    if (supplied) {
      return new State(controller.name(), null, "supplied by the application that embeds the "
          + "service", now, null, null);
    }
    if (settings.mode().equals("curve")) {
      return curveState("heatgrid.models.mode is curve", now);
    }
    Optional<String> active;
    try {
      active = store.active();
    } catch (BundleException e) {
      return curveState(e.getMessage(), now);
    }
    if (active.isEmpty()) {
      return curveState("no active bundle in " + store.root() + " yet: the MPC starts once a "
          + "bundle is learnt from " + settings.learn().minDays() + " usable days of this site's "
          + "record", now);
    }
    try {
      ModelBundle b = store.load(active.get());
      Controller mpc = mpc(b);
      controller.switchTo(mpc);
      running = b;
      return new State("mpc", b.version(), "bundle " + b.version() + " is active: learnt on "
          + b.manifest().data().usableDays() + " days of this site's telemetry", now, nextLearn,
          lastLearn);
    } catch (BundleException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "active bundle refused; heating curve: " + e.getMessage());
      return curveState("active bundle " + active.get() + " refused: " + e.getMessage(), now);
    }
  }

  private State curveState(String reason, Instant now) {
    return new State("heating-curve", null, reason, now, nextLearn, lastLearn);
  }

  /** The controller the loop runs: it follows every switch made here. */
  public SwitchableController controller() {
    return controller;
  }

  public State state() {
    State s = state;
    return new State(s.controller(), s.bundle(), s.reason(), s.since(), nextLearn, lastLearn);
  }

  public List<BundleStore.Entry> bundles() {
    return store.list();
  }

  /** The measured savings since the MPC first ran. */
  public SiteSavings savings() {
    return savings;
  }

  public BundleStore store() {
    return store;
  }

  public long learningsAccepted() {
    return accepted.get();
  }

  public long learningsRefused() {
    return refused.get();
  }

  public long learningsFailed() {
    return failed.get();
  }

  /** 1 while the MPC runs from a bundle, 0 while the heating curve runs. */
  public int runningMpc() {
    return state.bundle() == null ? 0 : 1;
  }

  /**
   * Makes a stored bundle the running one (an administrator's activation or rollback).
   *
   * @throws BundleException when it does not load, does not fit the site, or mode is curve;
   *     the running controller stays
   */
  public synchronized State activate(String version, String who, String why) {
    if (settings.mode().equals("curve") || supplied) {
      throw new BundleException(supplied ? "the embedding application supplies the controller"
          : "heatgrid.models.mode is curve: bundles are not run");
    }
    ModelBundle b = store.load(version);
    Controller mpc = mpc(b);
    String before = state.bundle() == null ? state.controller() : state.bundle();
    store.activate(version);
    controller.switchTo(mpc);
    running = b;
    Instant now = clock.instant();
    savings.reportingStarts(now);
    state = new State("mpc", b.version(), "bundle " + version + " activated by " + who + ": "
        + why, now, nextLearn, lastLearn);
    audit.siteChange("bundle.activate", before, version, who, why, now);
    LOG.info(() -> "bundle " + version + " activated by " + who + ": " + why);
    return state();
  }

  /**
   * Runs the heating curve instead of the MPC, also after a restart, until a bundle is activated
   * again.
   */
  public synchronized State useCurve(String who, String why) {
    if (supplied) {
      throw new BundleException("the embedding application supplies the controller");
    }
    String before = state.bundle() == null ? state.controller() : state.bundle();
    store.deactivate();
    controller.switchTo(curve());
    running = null;
    Instant now = clock.instant();
    state = curveState("heating curve chosen by " + who + ": " + why, now);
    audit.siteChange("bundle.deactivate", before, "heating-curve", who, why, now);
    return state();
  }

  /**
   * Learns from the service's own record now, stores the bundle and, if the gate passes (and the
   * mode is auto), runs it.
   *
   * @return the gate's decision, or empty when the record could not be learnt from (the reason is
   *     in {@link State#lastLearn()})
   */
  public synchronized Optional<BundleGate.Decision> learnNow(String who) {
    Instant now = clock.instant();
    if (supplied) {
      lastLearn = "not learnt: the embedding application supplies the controller";
      return Optional.empty();
    }
    try {
      SiteRecord record = ownRecord.read(site.name());
      record.retain(site.buildings().stream().map(b -> b.id()).collect(Collectors.toSet()));
      ModelBundle learnt = Learner.learn(record, site, settings.learn());
      // Laid on the site's periods once, for the M&V baseline and the gate.
      SiteHistory history = record.history(site);
      if (running == null && state.bundle() == null) {
        // Learnt from the heating curve's operation: M&V's baseline, kept once.
        savings.keepBaseline(history);
      }
      String version = store.save(learnt);
      ModelBundle candidate = store.load(version);
      BundleGate.Decision d = BundleGate.decide(candidate, running, history,
          settings.learn());
      audit.siteChange("bundle.learn", running == null ? null : running.version(), version, who,
          d.reason(), now);
      lastLearn = d.reason();
      if (d.accepted()) {
        accepted.incrementAndGet();
        if (settings.mode().equals("auto")) {
          activate(version, who, "learnt from the site's record; " + d.reason());
        }
      } else {
        refused.incrementAndGet();
      }
      nextLearn = settings.relearn() ? now.plus(settings.relearnEvery()) : null;
      return Optional.of(d);
    } catch (RecordException | BundleException | IllegalArgumentException e) {
      failed.incrementAndGet();
      lastLearn = "not learnt at " + now + ": " + e.getMessage();
      // A record too short now is longer tomorrow: retry within a day.
      Duration retry = settings.relearnEvery().compareTo(Duration.ofDays(1)) < 0
          ? settings.relearnEvery() : Duration.ofDays(1);
      nextLearn = settings.relearn() ? now.plus(retry) : null;
      LOG.warning(() -> lastLearn);
      return Optional.empty();
    }
  }

  /** Starts looking, every {@code every} of wall time, whether a learning is due. */
  public void startSchedule(Duration every) {
    if (!settings.relearn()) {
      return;
    }
    long ms = Math.max(10, every.toMillis());
    learner.scheduleWithFixedDelay(() -> {
      Instant due = nextLearn;
      if (due != null && !clock.instant().isBefore(due)) {
        try {
          learnNow(SERVICE);
        } catch (RuntimeException e) {
          failed.incrementAndGet();
          LOG.log(Level.SEVERE, "scheduled learning failed", e);
        }
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  private Controller mpc(ModelBundle b) {
    b.requireFits(site);
    return new MpcController("mpc", b.planModels(),
        MpcSettings.defaultsFor(b.planModels().values()), new StructuredSolver(),
        curve(), b.loadForecast(site));
  }

  private Controller curve() {
    return curve.get();
  }

  /** The state in one line, for logs. */
  public String describe() {
    State s = state();
    return String.format(Locale.ROOT, "%s%s (%s)", s.controller(),
        s.bundle() == null ? "" : " from bundle " + s.bundle(), s.reason());
  }

  @Override
  public void close() {
    learner.shutdownNow();
  }
}
