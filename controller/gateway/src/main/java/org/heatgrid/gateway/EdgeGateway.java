package org.heatgrid.gateway;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.LocalFallback;

/**
 * The reference edge gateway of one building (Eclipse Paho, MQTT 5).
 *
 * <p>It subscribes to its building's setpoint topic, applies each setpoint that passes the checks
 * (schema, building, increasing seq, not expired, within the substation's range) and keeps it
 * until its {@code valid_until}. Holding no valid setpoint, it runs the local heating curve
 * ({@link LocalFallback}) and publishes status {@code fallback} with the reason; a new valid
 * setpoint brings it back {@code online}. Every telemetry period it publishes the substation's
 * readings. Its last will publishes {@code offline} on the status topic.
 *
 * <p>Time comes from the injected clock only (simulated time may run accelerated); a wall-clock
 * tick ({@link GatewayConfig#tick()}) looks at that clock. All state changes run on one loop
 * thread; MQTT callbacks hand their work to it. Public getters may be called from any thread.
 * Nothing that arrives over MQTT or fails in the substation stops the loop: it is logged and
 * counted.
 */
public final class EdgeGateway implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EdgeGateway.class.getName());
  private static final int QOS = 1;

  private final GatewayConfig config;
  private final Topics topics;
  private final Substation substation;
  private final Clock clock;
  private final PayloadCodec codec;
  private final GatewayCounters counters = new GatewayCounters();
  private final ScheduledExecutorService loop;
  private final MqttAsyncClient client;

  // Loop-thread state.
  private SetpointMessage held;
  private long lastSeq = -1;
  private String reason = "no setpoint received since start";
  private Instant since;
  private Instant periodStart;
  private Instant nextTelemetry;
  private long telemetrySeq;
  private boolean curveInPeriod;
  private boolean subscribedOnce;

  // Views for other threads.
  private volatile GatewayState state = GatewayState.FALLBACK;
  private volatile SetpointMessage heldView;
  private volatile StatusMessage lastStatus;
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * A gateway that is not connected yet; {@link #start()} connects it.
   *
   * @throws IllegalArgumentException when the server URI is not one Paho accepts
   */
  public EdgeGateway(GatewayConfig config, Substation substation, Clock clock, PayloadCodec codec) {
    this.config = Objects.requireNonNull(config, "config");
    this.topics = config.topics();
    this.substation = Objects.requireNonNull(substation, "substation");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gateway-" + topics.building());
      t.setDaemon(true);
      return t;
    });
    try {
      this.client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new IllegalArgumentException("gateway " + topics.building() + ": bad server URI '"
          + config.serverUri() + "': " + e.getMessage(), e);
    }
    DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
    buffer.setBufferEnabled(true);
    buffer.setBufferSize(1000);
    buffer.setDeleteOldestMessages(true);
    client.setBufferOpts(buffer);
    client.setCallback(new Callback());
  }

  public EdgeGateway(GatewayConfig config, Substation substation, Clock clock) {
    this(config, substation, clock, new PayloadCodec());
  }

  /**
   * Starts the loop on the local heating curve and connects to the broker in the background;
   * a failed first connection is retried. Returns at once.
   *
   * @throws IllegalStateException when called twice
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("gateway " + topics.building() + " already started");
    }
    started = true;
    loop.execute(this::begin);
    long tickMs = Math.max(1, config.tick().toMillis());
    loop.scheduleAtFixedRate(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    loop.execute(this::connect);
  }

  /** The current state: online or fallback (offline is only ever said by the last will). */
  public GatewayState state() {
    return state;
  }

  /** The status last published (or meant to be, when disconnected). */
  public Optional<StatusMessage> status() {
    return Optional.ofNullable(lastStatus);
  }

  /** The setpoint held and valid, if any. */
  public Optional<SetpointMessage> heldSetpoint() {
    return Optional.ofNullable(heldView);
  }

  public GatewayCounters counters() {
    return counters;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  public GatewayConfig config() {
    return config;
  }

  /**
   * Publishes status offline ("gateway stopped"), disconnects cleanly (so the broker does not
   * send the last will) and stops the loop. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      try {
        loop.submit(() -> {
          setState(GatewayState.OFFLINE, "gateway stopped");
        }).get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.WARNING, "gateway {0}: final status not published: {1}", topics.building(), e);
      }
    }
    loop.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "gateway {0}: disconnect: {1}", topics.building(), e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, "gateway {0}: close: {1}", topics.building(), e.getMessage());
    }
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- loop thread

  private void begin() {
    Instant now = clock.instant();
    since = now;
    periodStart = now;
    nextTelemetry = nextBoundary(now, config.telemetryPeriod());
    applyCurve();
    curveInPeriod = true;
    publishStatus();
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      client.connect(connectionOptions(), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          LOG.log(Level.INFO, "gateway {0}: connected to {1}", topics.building(), config.serverUri());
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          LOG.log(Level.WARNING, "gateway {0}: cannot connect to {1}: {2}; retrying in {3} s",
              topics.building(), config.serverUri(), e.getMessage(), config.reconnectMaxSeconds());
          if (!closed) {
            loop.schedule(EdgeGateway.this::connect, config.reconnectMaxSeconds(), TimeUnit.SECONDS);
          }
        }
      });
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "gateway {0}: connect: {1}", topics.building(), e.getMessage());
      loop.schedule(this::connect, config.reconnectMaxSeconds(), TimeUnit.SECONDS);
    }
  }

  private MqttConnectionOptions connectionOptions() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setServerURIs(new String[] {config.serverUri()});
    o.setUserName(config.username());
    o.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
    o.setCleanStart(false);
    o.setSessionExpiryInterval(config.sessionExpirySeconds());
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, config.reconnectMaxSeconds());
    o.setKeepAliveInterval(config.keepAliveSeconds());
    o.setConnectionTimeout(10);
    if (config.serverUri().startsWith("tcp://")) {
      o.setSocketFactory(new NoDelaySocketFactory());
    }
    StatusMessage will = new StatusMessage(topics.building(), GatewayState.OFFLINE, clock.instant(),
        "connection lost", null);
    o.setWill(topics.status(), new MqttMessage(codec.encode(will), QOS, true, new MqttProperties()));
    return o;
  }

  private void onConnected(boolean reconnect) {
    counters.countConnect();
    MqttSubscription sub = new MqttSubscription(topics.setpoint(), QOS);
    // First subscription of this process: always send the retained setpoint (a restarted gateway
    // holds nothing even if the broker kept its session). Later: only if the session was lost.
    sub.setRetainHandling(subscribedOnce ? 1 : 0);
    try {
      client.subscribe(new MqttSubscription[] {sub}, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] codes = token.getReasonCodes();
          if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            LOG.log(Level.ERROR, "gateway {0}: broker refused subscription to {1} (reason code 0x{2})",
                topics.building(), topics.setpoint(), Integer.toHexString(codes[0]));
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          LOG.log(Level.ERROR, "gateway {0}: subscribe to {1} failed: {2}", topics.building(),
              topics.setpoint(), e.getMessage());
        }
      }, new MqttProperties());
      subscribedOnce = true;
    } catch (MqttException e) {
      LOG.log(Level.ERROR, "gateway {0}: subscribe to {1}: {2}", topics.building(),
          topics.setpoint(), e.getMessage());
    }
    LOG.log(Level.INFO, "gateway {0}: {1}, state {2}", topics.building(),
        reconnect ? "reconnected" : "connected", state.json());
    publishStatus();
  }

  private void onSetpoint(byte[] payload) {
    counters.countReceived();
    SetpointMessage m;
    try {
      m = codec.decodeSetpoint(payload);
    } catch (PayloadException e) {
      reject(RejectReason.MALFORMED, e.getMessage());
      return;
    }
    Instant now = clock.instant();
    Optional<RejectReason> verdict =
        SetpointGuard.check(m, topics, lastSeq, now, config.supplyMaxC());
    if (verdict.isPresent()) {
      reject(verdict.get(), describe(verdict.get(), m, now));
      return;
    }
    held = m;
    heldView = m;
    lastSeq = m.seq();
    counters.countApplied();
    if (m.mode() == SetpointMode.HEATING_CURVE) {
      applyCurve();
      curveInPeriod = true;
    } else {
      apply(m.command());
    }
    setState(GatewayState.ONLINE, "setpoint " + m.seq() + " (" + m.mode().json() + ") valid until "
        + m.validUntil());
  }

  private String describe(RejectReason r, SetpointMessage m, Instant now) {
    return switch (r) {
      case WRONG_BUILDING -> "setpoint " + m.seq() + " is for " + m.site() + "/" + m.building()
          + ", this gateway is " + topics.site() + "/" + topics.building();
      case DUPLICATE -> "setpoint " + m.seq() + " already held";
      case STALE_SEQ -> "setpoint seq " + m.seq() + " is below the last accepted " + lastSeq;
      case EXPIRED -> "setpoint " + m.seq() + " expired at " + m.validUntil() + " (now " + now + ")";
      case OUT_OF_RANGE -> "setpoint " + m.seq() + " supply_setpoint_c " + m.supplySetpointC()
          + " is above the circuit's maximum " + config.supplyMaxC();
      case MALFORMED -> "malformed";
    };
  }

  private void reject(RejectReason r, String detail) {
    counters.countRejected(r);
    if (r == RejectReason.DUPLICATE) {
      LOG.log(Level.DEBUG, "gateway {0}: {1}", topics.building(), detail);
      return;
    }
    LOG.log(Level.WARNING, "gateway {0}: setpoint rejected ({1}) on {2}: {3}", topics.building(),
        r, topics.setpoint(), detail);
    if (state == GatewayState.FALLBACK) {
      reason = "no valid setpoint; last message rejected (" + r.name().toLowerCase(java.util.Locale.ROOT)
          + "): " + detail;
      publishStatus();
    }
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      if (held != null && held.expiredAt(now)) {
        SetpointMessage old = held;
        held = null;
        heldView = null;
        counters.countFallback();
        applyCurve();
        curveInPeriod = true;
        setState(GatewayState.FALLBACK, "setpoint " + old.seq() + " expired at " + old.validUntil());
      }
      if (!now.isBefore(nextTelemetry)) {
        Duration period = config.telemetryPeriod();
        Instant end = nextTelemetry;
        while (!now.isBefore(end.plus(period))) {
          end = end.plus(period);
        }
        publishTelemetry(periodStart, end);
        periodStart = end;
        nextTelemetry = end.plus(period);
        boolean onCurve = held == null || held.mode() == SetpointMode.HEATING_CURVE;
        if (onCurve) {
          applyCurve(); // follow the outdoor temperature
        }
        curveInPeriod = onCurve;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "gateway " + topics.building() + ": loop step failed", e);
    }
  }

  private void publishTelemetry(Instant start, Instant end) {
    Telemetry t;
    try {
      t = substation.read();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "gateway " + topics.building() + ": substation read failed", e);
      counters.countTelemetryDropped();
      return;
    }
    Telemetry out = new Telemetry(topics.building(), t.heatKw(), t.primarySupplyC(),
        t.primaryReturnC(), t.primaryFlowM3h(), t.secondarySupplyC(), t.secondaryReturnC(),
        t.secondaryFlowM3h(), t.zoneTempsC(), t.outdoorC(), t.localFallback() || curveInPeriod);
    try {
      byte[] payload = codec.encode(new TelemetryMessage(telemetrySeq, start, end, out));
      telemetrySeq++;
      client.publish(topics.telemetry(), new MqttMessage(payload, QOS, false, new MqttProperties()));
      counters.countTelemetryPublished();
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.WARNING, "gateway {0}: telemetry for {1}..{2} dropped: {3}", topics.building(),
          start, end, e.getMessage());
      counters.countTelemetryDropped();
    }
  }

  private void setState(GatewayState newState, String why) {
    if (newState != state) {
      since = clock.instant();
      state = newState;
    }
    reason = why;
    publishStatus();
  }

  private void publishStatus() {
    StatusMessage s = new StatusMessage(topics.building(), state, since, reason,
        lastSeq < 0 ? null : lastSeq);
    lastStatus = s;
    try {
      client.publish(topics.status(), new MqttMessage(codec.encode(s), QOS, true, new MqttProperties()));
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, "gateway {0}: status not published now ({1}); sent on connect",
          topics.building(), e.getMessage());
    }
  }

  private void applyCurve() {
    apply(LocalFallback.command(readOutdoor(), config.supplyMaxC()));
  }

  private double readOutdoor() {
    try {
      return substation.outdoorC();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "gateway " + topics.building() + ": outdoor sensor read failed", e);
      return Double.NaN;
    }
  }

  private void apply(Command c) {
    try {
      substation.apply(c);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "gateway " + topics.building() + ": substation refused " + c, e);
    }
  }

  /** The first multiple of {@code period} since the epoch that lies after {@code now}. */
  static Instant nextBoundary(Instant now, Duration period) {
    long p = period.toMillis();
    long t = now.toEpochMilli();
    return Instant.ofEpochMilli((Math.floorDiv(t, p) + 1) * p);
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      LOG.log(Level.WARNING, "gateway {0}: disconnected: {1}", topics.building(), response);
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.log(Level.WARNING, "gateway {0}: MQTT error: {1}", topics.building(), e.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (closed) {
        return;
      }
      if (!topics.setpoint().equals(topic)) {
        LOG.log(Level.WARNING, "gateway {0}: ignored message on unexpected topic {1}",
            topics.building(), topic);
        return;
      }
      byte[] payload = message.getPayload().clone();
      loop.execute(() -> onSetpoint(payload));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (!closed) {
        loop.execute(() -> onConnected(reconnect));
      }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
