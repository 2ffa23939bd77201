package org.heatgrid.control.service;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.nio.file.Path;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.service.models.ActiveModels;
import org.heatgrid.learn.LearnSettings;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.adapter.BufferedInfluxWriter;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.FileSink;
import org.heatgrid.control.service.adapter.MqttSettings;
import org.heatgrid.control.service.adapter.PointSink;
import org.heatgrid.control.service.adapter.RuntimeSettings;
import org.heatgrid.control.weather.PollSettings;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.PayloadCodec;

/**
 * Builds the control runtime from {@link ControlConfig} and the {@link RuntimeHooks} at start-up,
 * starts it unless {@code heatgrid.loop.autostart} is false (then the embedding application
 * calls {@code runtime().start()}), and stops it at shut-down.
 * The clock is the wall clock, or an {@link SimulatedClock} when {@code heatgrid.time.speed} is
 * not 1. Setpoint seqs start at the wall-clock milliseconds of the start, so a restarted service
 * continues above everything it published before. The weather source follows {@code
 * heatgrid.weather.*} ({@link #weatherSettings}); a bad value there stops the start.
 */
@Startup
@ApplicationScoped
public class ControlService {

  private final ControlConfig config;
  private final Clock clock;
  private final OperatorState operator;
  private final ControlRuntime runtime;
  private final ActiveModels models;
  private final SiteSelection selection;

  public ControlService(ControlConfig config, RuntimeHooks hooks) {
    this.config = config;
    // An embedding application's site (heatgrid run) or this instance's from the settings.
    SiteSelection selection = hooks.site()
        .map(s -> SiteSelection.of(s, config.mqtt().user(), config.mqtt().password(),
            config.mqtt().credentialsFile()))
        .orElseGet(() -> SiteSelection.resolve(config.fleet().file(), config.fleet().shard(),
            config.site().file(), config.site().buildings().orElse(List.of()), config.mqtt().user(),
            config.mqtt().password(), config.mqtt().credentialsFile(), SiteSelection.hostname()));
    this.selection = selection;
    Site site = selection.site();
    double speed = config.time().speed();
    // Checked before anything is started, so a bad value stops the start and nothing else.
    Optional<PollSettings> weather = weatherSettings(config.weather(), site.zone(), speed);
    Instant start = config.time().start().orElse(Instant.now());
    this.clock = hooks.clock().orElseGet(() -> speed == 1 && config.time().start().isEmpty()
        ? Clock.systemUTC() : SimulatedClock.running(start, speed));
    AuditFile audit = new AuditFile(config.dataDir());
    OperatorStateFile saved = new OperatorStateFile(config.dataDir());
    OperatorState[] self = new OperatorState[1];
    this.operator = new OperatorState(site, e -> {
      audit.accept(e);
      saved.save(self[0]);
    });
    self[0] = operator;
    if (config.restoreOperatorState()) {
      saved.restore(operator);
    }
    ControlConfig.Loop l = config.loop();
    Duration validity = l.validity().orElse(l.period().multipliedBy(2));
    LoopSettings loop = new LoopSettings(l.period(), validity, l.period().multipliedBy(2),
        System.currentTimeMillis());
    MqttSettings mqtt = new MqttSettings(config.mqtt().uri(), selection.mqttUser(),
        selection.mqttPassword(), config.mqtt().clientId().orElse("heatgrid-controller-" + site.name()),
        config.mqtt().reconnectMaxSeconds());
    PointSink sink = config.influx().enabled()
        ? new BufferedInfluxWriter(config.influx().url(), config.influx().database(),
            config.influx().bufferCapacity(), config.influx().batchSize(),
            config.influx().flushInterval())
        : new FileSink(config.dataDir(), 10_000);
    Optional<Controller> supplied = hooks.controller(site);
    this.models = models(config, site, clock, operator, supplied.orElse(null),
        hooks.heatingCurve(site).orElse(null));
    this.runtime = new ControlRuntime(new RuntimeSettings(site, mqtt, clock, speed, l.tick(), loop,
        l.forecastHorizon(), weather), models.controller(),
        hooks.weather().orElse(null), operator, sink, new PayloadCodec());
    if (supplied.isEmpty()) {
      // Every wall second, or faster when time runs faster (a learning is due in loop time).
      models.startSchedule(Duration.ofMillis((long) Math.max(10, Math.min(1000, 60_000 / speed))));
    }
    if (config.loop().autostart()) {
      runtime.start();
    }
  }

  /** The models {@code heatgrid.models.*} asks for; the store defaults to data-dir/models. */
  private static ActiveModels models(ControlConfig config, Site site, Clock clock,
      OperatorState operator, Controller supplied, Supplier<Controller> curve) {
    ControlConfig.Models m = config.models();
    Path store = m.store().orElse(config.dataDir().resolve("models"));
    RecordSource own = config.influx().enabled()
        ? new RecordSource.Influx(config.influx().url(), config.influx().database())
        : new RecordSource.Records(config.dataDir());
    LearnSettings learn = LearnSettings.DEFAULTS.withMinDays(m.minDays()).withNetwork(m.network());
    return new ActiveModels(site, new BundleStore(store), own, clock, operator,
        new ActiveModels.Settings(m.mode().trim().toLowerCase(Locale.ROOT), m.relearn(),
            m.relearnEvery(), learn), supplied, curve);
  }

  /** Which controller runs and why; bundles, learning and activation. */
  public ActiveModels models() {
    return models;
  }

  public ControlRuntime runtime() {
    return runtime;
  }

  public OperatorState operator() {
    return operator;
  }

  /** The loop's clock (simulated time when accelerated). */
  public Clock clock() {
    return clock;
  }

  /** The site this instance runs, its broker user and, on a fleet, its shard. */
  public SiteSelection selection() {
    return selection;
  }

  public ControlConfig config() {
    return config;
  }

  @PreDestroy
  void stop() {
    models.close();
    runtime.close();
  }

  /**
   * The polled weather source {@code heatgrid.weather.*} asks for, checked: empty for {@code
   * persistence}, Open-Meteo at the configured place (or URL) for {@code open-meteo}.
   *
   * @param zone the site's zone (where Open-Meteo's days start)
   * @param speed {@code heatgrid.time.speed}: a real forecast needs real time
   * @throws IllegalArgumentException naming the property and the reason
   */
  static Optional<PollSettings> weatherSettings(ControlConfig.Weather w, ZoneId zone,
      double speed) {
    String p = "heatgrid.weather.";
    Optional<Double> lat = w.latitude();
    Optional<Double> lon = w.longitude();
    lat.filter(v -> !(v >= -90 && v <= 90)).ifPresent(v -> {
      throw bad(p + "latitude", v + " is outside -90..90");
    });
    lon.filter(v -> !(v >= -180 && v <= 180)).ifPresent(v -> {
      throw bad(p + "longitude", v + " is outside -180..180");
    });
    String provider = w.provider().trim().toLowerCase(Locale.ROOT);
    if (provider.equals("persistence")) {
      return Optional.empty();
    }
    if (!provider.equals("open-meteo")) {
      throw bad(p + "provider", "unknown provider '" + w.provider()
          + "' (known: persistence, open-meteo)");
    }
    if (speed != 1) {
      // At 900x an hourly refresh would poll the public API every 4 s, for a forecast of
      // another time than the simulated one.
      throw bad(p + "provider", "open-meteo needs real time, but heatgrid.time.speed is " + speed);
    }
    positive(p + "refresh", w.refresh());
    positive(p + "max-age", w.maxAge());
    positive(p + "timeout", w.timeout());
    if (w.maxAge().compareTo(w.refresh()) < 0) {
      throw bad(p + "max-age", w.maxAge() + " is shorter than " + p + "refresh " + w.refresh());
    }
    if (w.timeout().compareTo(w.refresh()) > 0) {
      throw bad(p + "timeout", w.timeout() + " is longer than " + p + "refresh " + w.refresh());
    }
    if (lat.isPresent() != lon.isPresent()) {
      throw bad(p + (lat.isPresent() ? "longitude" : "latitude"), "missing; give both or neither");
    }
    PollSettings s;
    if (w.url().isPresent()) {
      URI url;
      try {
        url = new URI(w.url().get().trim());
      } catch (URISyntaxException e) {
        throw bad(p + "url", "not a URL: " + e.getReason());
      }
      boolean http = "http".equalsIgnoreCase(url.getScheme())
          || "https".equalsIgnoreCase(url.getScheme());
      if (!http || url.getHost() == null) {
        throw bad(p + "url", "not an http(s) URL with a host");
      }
      s = new PollSettings(url, lat.orElse(Double.NaN), lon.orElse(Double.NaN),
          PollSettings.REFRESH, PollSettings.RETRY, PollSettings.MAX_AGE, PollSettings.TIMEOUT);
    } else if (lat.isPresent()) {
      s = PollSettings.openMeteo(PollSettings.OPEN_METEO, lat.get(), lon.get(), zone);
    } else {
      throw bad(p + "latitude", "missing: provider open-meteo needs " + p + "latitude and "
          + p + "longitude, or " + p + "url");
    }
    return Optional.of(s.withIntervals(w.refresh(), w.maxAge(), w.timeout()));
  }

  private static void positive(String property, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw bad(property, d + " is not positive");
    }
  }

  private static IllegalArgumentException bad(String property, String reason) {
    return new IllegalArgumentException(property + ": " + reason);
  }
}
