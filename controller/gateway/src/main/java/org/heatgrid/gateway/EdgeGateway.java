package org.heatgrid.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
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
import org.heatgrid.fallback.LocalFallback;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.StatusMessage;
import org.heatgrid.wire.TelemetryMessage;
import org.heatgrid.wire.Topics;
import org.heatgrid.wire.paho.NoDelaySocketFactory;
import org.heatgrid.wire.paho.PahoClients;

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
 * <p>The decisions are {@link GatewayCore}'s; this class is the MQTT side: connection (clean
 * start false, session expiry, automatic reconnection, user name = building id, last will),
 * subscription, publishing, and one loop thread that runs the core. MQTT callbacks hand their work
 * to that thread. Time comes from the injected clock only (simulated time may run accelerated); a
 * wall-clock tick ({@link GatewayConfig#tick()}) looks at it. Public methods may be called from
 * any thread. Nothing that arrives over MQTT or fails in the substation stops the loop: it is
 * logged and counted.
 */
public final class EdgeGateway implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EdgeGateway.class.getName());
  private static final int QOS = 1;
  private static final long SUBACK_TIMEOUT_MS = 3000;

  private final GatewayConfig config;
  private final Topics topics;
  private final Clock clock;
  private final PayloadCodec codec;
  private final GatewayCounters counters = new GatewayCounters();
  private final GatewayCore core;
  private final ScheduledExecutorService loop;
  private volatile MqttAsyncClient client; // replaced when it stops sending SUBSCRIBEs

  private boolean subscribedOnce; // loop thread
  private long connection; // loop thread: number of the current connection
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
    this.clock = Objects.requireNonNull(clock, "clock");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.core = new GatewayCore(config, Objects.requireNonNull(substation, "substation"), clock,
        codec, counters, new MqttOutbox());
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gateway-" + topics.building());
      t.setDaemon(true);
      return t;
    });
    this.client = newClient();
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
    loop.execute(core::begin);
    long tickMs = Math.max(1, config.tick().toMillis());
    loop.scheduleAtFixedRate(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    loop.execute(this::connect);
  }

  /** The current state: online or fallback (offline is only ever said by the last will). */
  public GatewayState state() {
    return core.state();
  }

  /** The status last published (or meant to be, when disconnected). */
  public Optional<StatusMessage> status() {
    return core.lastStatus();
  }

  /** The setpoint held and valid, if any. */
  public Optional<SetpointMessage> heldSetpoint() {
    return core.heldSetpoint();
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
        loop.submit(core::stop).get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
        LOG.log(Level.WARNING, "gateway {0}: final status not published: {1}",
            new Object[] {topics.building(), e});
      }
    }
    loop.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "gateway {0}: disconnect: {1}",
          new Object[] {topics.building(), e.getMessage()});
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "gateway {0}: close: {1}",
          new Object[] {topics.building(), e.getMessage()});
    }
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private MqttAsyncClient newClient() {
    MqttAsyncClient c;
    try {
      c = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new IllegalArgumentException("gateway " + topics.building() + ": bad server URI '"
          + config.serverUri() + "': " + e.getMessage(), e);
    }
    DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
    buffer.setBufferEnabled(true);
    buffer.setBufferSize(1000);
    buffer.setDeleteOldestMessages(true);
    c.setBufferOpts(buffer);
    c.setCallback(new Callback(c));
    return c;
  }

  // ---- loop thread

  private void tick() {
    try {
      core.tick();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "gateway " + topics.building() + ": loop step failed", e);
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      client.connect(connectionOptions(), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          LOG.log(Level.INFO, "gateway {0}: connected to {1}",
              new Object[] {topics.building(), config.serverUri()});
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          LOG.log(Level.WARNING, "gateway {0}: cannot connect to {1}: {2}; retrying in {3} s",
              new Object[] {topics.building(), config.serverUri(), e.getMessage(),
                  config.reconnectMaxSeconds()});
          retryConnect();
        }
      });
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "gateway {0}: connect: {1}",
          new Object[] {topics.building(), e.getMessage()});
      retryConnect();
    }
  }

  private void retryConnect() {
    if (!closed) {
      try {
        loop.schedule(this::connect, config.reconnectMaxSeconds(), TimeUnit.SECONDS);
      } catch (RejectedExecutionException e) {
        // closing
      }
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
    o.setWill(topics.status(), new MqttMessage(codec.encode(will), QOS, true,
        new MqttProperties()));
    return o;
  }

  private void onConnected(boolean reconnect) {
    counters.countConnect();
    connection++;
    subscribe(connection);
    LOG.log(Level.INFO, "gateway {0}: {1}, state {2}",
        new Object[] {topics.building(), reconnect ? "reconnected" : "connected",
            core.state().json()});
    core.connected();
  }

  /**
   * Subscribes to the building's setpoint, and again if the broker has not acknowledged it within
   * {@link #SUBACK_TIMEOUT_MS}: with Paho mqttv5 1.2.5 a SUBSCRIBE sent right after a reconnection
   * that found no session on the broker can be lost (the broker's log of BrokerRestartTest showed
   * the gateway's CONNACK and telemetry, but never its SUBSCRIBE); without this the gateway would
   * sit connected in fallback for good.
   */
  private void subscribe(long forConnection) {
    subscribe(forConnection, 1);
  }

  private void subscribe(long forConnection, int attempt) {
    MqttSubscription sub = new MqttSubscription(topics.setpoint(), QOS);
    // First subscription of this process: always send the retained setpoint (a restarted gateway
    // holds nothing even if the broker kept its session). Later: only if the session was lost.
    sub.setRetainHandling(subscribedOnce ? 1 : 0);
    IMqttToken token;
    try {
      token = client.subscribe(new MqttSubscription[] {sub}, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] codes = token.getReasonCodes();
          if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            LOG.log(Level.SEVERE,
                "gateway {0}: broker refused subscription to {1} (reason code 0x{2})",
                new Object[] {topics.building(), topics.setpoint(), Integer.toHexString(codes[0])});
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          LOG.log(Level.SEVERE, "gateway {0}: subscribe to {1} failed: {2}",
              new Object[] {topics.building(), topics.setpoint(), e.getMessage()});
        }
      }, new MqttProperties());
      subscribedOnce = true;
    } catch (MqttException e) {
      LOG.log(Level.SEVERE, "gateway {0}: subscribe to {1}: {2}",
          new Object[] {topics.building(), topics.setpoint(), e.getMessage()});
      return; // not connected after all: the next connection subscribes
    }
    try {
      loop.schedule(() -> {
        if (closed || connection != forConnection || !client.isConnected() || token.isComplete()) {
          return;
        }
        counters.countResubscribe();
        if (attempt == 1) {
          LOG.log(Level.WARNING, "gateway {0}: no SUBACK for {1} within {2} ms; subscribing again",
              new Object[] {topics.building(), topics.setpoint(), SUBACK_TIMEOUT_MS});
          subscribe(forConnection, 2);
        } else {
          // Seen: once this happens, the Paho client sends no SUBSCRIBE at all any more (publishes
          // still go out). Only a new client gets the gateway its setpoints back.
          LOG.log(Level.WARNING, "gateway {0}: still no SUBACK for {1}; reconnecting with a new"
              + " MQTT client", new Object[] {topics.building(), topics.setpoint()});
          replaceClient();
        }
      }, SUBACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void replaceClient() {
    MqttAsyncClient old = client;
    client = newClient();
    connection++; // the old connection's watchdogs stand down
    PahoClients.discardInBackground(old, "gateway-" + topics.building() + "-discard");
    connect();
  }

  private void onSetpoint(byte[] payload) {
    try {
      core.onSetpoint(payload);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "gateway " + topics.building() + ": setpoint handling failed", e);
    }
  }

  /** Publishes what the core sends; while disconnected Paho buffers it. */
  private final class MqttOutbox implements GatewayCore.Outbox {
    @Override
    public void status(StatusMessage status) {
      try {
        client.publish(topics.status(),
            new MqttMessage(codec.encode(status), QOS, true, new MqttProperties()));
      } catch (MqttException e) {
        LOG.log(Level.FINE, "gateway {0}: status not published now ({1}); sent on connect",
            new Object[] {topics.building(), e.getMessage()});
      }
    }

    @Override
    public void telemetry(TelemetryMessage telemetry) {
      try {
        client.publish(topics.telemetry(),
            new MqttMessage(codec.encode(telemetry), QOS, false, new MqttProperties()));
        counters.countTelemetryPublished();
      } catch (MqttException | RuntimeException e) {
        LOG.log(Level.WARNING, "gateway {0}: telemetry for {1}..{2} dropped: {3}",
            new Object[] {topics.building(), telemetry.periodStart(), telemetry.periodEnd(),
                e.getMessage()});
        counters.countTelemetryDropped();
      }
    }
  }

  private final class Callback implements MqttCallback {
    private final MqttAsyncClient owner;

    Callback(MqttAsyncClient owner) {
      this.owner = owner;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (owner != client) {
        return; // a replaced client
      }
      LOG.log(Level.WARNING, "gateway {0}: disconnected: {1}",
          new Object[] {topics.building(), response});
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.log(Level.WARNING, "gateway {0}: MQTT error: {1}",
          new Object[] {topics.building(), e.getMessage()});
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (closed) {
        return;
      }
      if (!topics.setpoint().equals(topic)) {
        LOG.log(Level.WARNING, "gateway {0}: ignored message on unexpected topic {1}",
            new Object[] {topics.building(), topic});
        return;
      }
      byte[] payload = message.getPayload().clone();
      runOnLoop(() -> onSetpoint(payload));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      runOnLoop(() -> {
        if (owner == client) {
          onConnected(reconnect);
        }
      });
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}

    private void runOnLoop(Runnable r) {
      if (closed) {
        return;
      }
      try {
        loop.execute(r);
      } catch (RejectedExecutionException e) {
        // closing: nothing more to do
      }
    }
  }
}
