package org.heatgrid.control.service.adapter;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.loop.ControlLoop;
import org.heatgrid.control.loop.LoopIo;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.PersistenceWeather;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.control.weather.PolledWeather;
import org.heatgrid.control.weather.WeatherStatus;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.wire.PayloadCodec;

/**
 * One site's control runtime: the {@link ControlLoop} wired to MQTT ({@link MqttLink}), a point
 * sink (InfluxDB or files) and a weather forecast (persistence, or Open-Meteo polled with
 * persistence as fallback, {@link RuntimeSettings#weather()}), driven by a wall-clock tick that
 * looks at the loop's clock. What the Quarkus service runs, and what tests start and stop to play
 * a service restart.
 */
public final class ControlRuntime implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ControlRuntime.class.getName());

  private final RuntimeSettings settings;
  private final TelemetryInbox inbox;
  private final MqttLink mqtt;
  private final PointSink sink;
  private final ControlLoop loop;
  // Null: no polled source. Held here because Micrometer holds its meters' objects weakly.
  private final WeatherStatus weatherStatus;
  private final ScheduledExecutorService ticker;
  private volatile long lastTickNanos = System.nanoTime();
  private volatile boolean started;
  private boolean waitingLogged; // ticker thread

  /**
   * @param controller the controller; the baseline heating curve when {@code null}
   * @param operator modes, overrides and audit; owned by the caller so it outlives a restart
   * @param sink where records go; closed with the runtime
   */
  public ControlRuntime(RuntimeSettings settings, Controller controller, OperatorState operator,
      PointSink sink, PayloadCodec codec) {
    this(settings, controller, null, operator, sink, codec);
  }

  /**
   * @param controller the controller; the baseline heating curve when {@code null}
   * @param weather the weather forecast; when {@code null}, the source {@link
   *     RuntimeSettings#weather()} asks for: Open-Meteo polled, or a persistence forecast of the
   *     gateways' outdoor readings
   * @param operator modes, overrides and audit; owned by the caller so it outlives a restart
   * @param sink where records go; closed with the runtime
   */
  public ControlRuntime(RuntimeSettings settings, Controller controller, WeatherSource weather,
      OperatorState operator, PointSink sink, PayloadCodec codec) {
    this.settings = settings;
    this.sink = sink;
    this.inbox = new TelemetryInbox(settings.site().buildings().stream().map(BuildingInfo::id)
        .collect(Collectors.toSet()));
    this.mqtt = new MqttLink(settings.mqtt(), settings.site().name(), codec, inbox,
        settings.timeScale());
    Controller c = controller != null ? controller : new HeatingCurveController(BaselineSettings.DEFAULTS);
    WeatherSource w = weather != null ? weather : weather(settings, inbox);
    this.weatherStatus = w instanceof PolledWeather p ? p.status() : null;
    this.loop = new ControlLoop(settings.loop(), settings.clock(), c,
        new HeatingCurveController(BaselineSettings.DEFAULTS),
        new LoopIo(inbox, mqtt, w, new InfluxRecorder(settings.site().name(), sink)),
        operator);
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "control-loop");
      t.setDaemon(true);
      return t;
    });
  }

  /** The configured source: persistence, or Open-Meteo with persistence as its fallback. */
  private static WeatherSource weather(RuntimeSettings settings, TelemetryInbox inbox) {
    var persistence = new PersistenceWeather(inbox, settings.loop().step(),
        settings.forecastHorizon());
    return settings.weather().<WeatherSource>map(p -> new PolledWeather(p, settings.loop().step(),
        settings.forecastHorizon(), settings.clock(), persistence)).orElse(persistence);
  }

  /**
   * Connects to the broker and starts ticking. The first control period runs once the first
   * connection is made (before it nothing could be published); later losses do not stop the loop
   * (Paho buffers what it publishes meanwhile).
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    mqtt.start();
    long ms = Math.max(1, settings.tick().toMillis());
    ticker.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    LOG.log(Level.INFO,
        String.format("control loop of %s started: period %s, time speed %s, %d buildings",
            settings.site().name(), settings.loop().step(), settings.timeScale(),
            settings.site().buildings().size()));
  }

  private void tick() {
    if (mqtt.connects() == 0) {
      // Before the first connection Paho refuses to publish (its buffer only covers reconnection):
      // a period run now would burn every building's seq on a failed publish. Wait for the broker.
      if (!waitingLogged) {
        waitingLogged = true;
        LOG.log(Level.INFO,
            String.format("control loop waits for the first connection to %s",
                settings.mqtt().serverUri()));
      }
      lastTickNanos = System.nanoTime();
      return;
    }
    try {
      loop.tick();
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "control loop tick failed",
          e); // ControlLoop never throws; belt and braces
    }
    lastTickNanos = System.nanoTime();
  }

  public ControlLoop loop() {
    return loop;
  }

  public MqttLink mqtt() {
    return mqtt;
  }

  public PointSink sink() {
    return sink;
  }

  public TelemetryInbox inbox() {
    return inbox;
  }

  public RuntimeSettings settings() {
    return settings;
  }

  /** What the polled weather source has done; empty with the persistence forecast. */
  public Optional<WeatherStatus> weatherStatus() {
    return Optional.ofNullable(weatherStatus);
  }

  /** Wall-clock seconds since the loop last ticked. */
  public double secondsSinceTick() {
    return (System.nanoTime() - lastTickNanos) / 1e9;
  }

  /**
   * Stops ticking, disconnects from the broker, records the telemetry accepted since the last
   * period, flushes and closes the sink. Idempotent.
   */
  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mqtt.close();
    loop.recordPendingTelemetry(); // accepted after the last period: record it before the sink closes
    sink.close();
  }
}
