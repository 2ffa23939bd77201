package org.heatgrid.control.service.adapter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.heatgrid.wire.paho.NoDelaySocketFactory;
import org.heatgrid.wire.paho.PahoClients;

/**
 * A Paho MQTT 5 connection that comes back after any loss, for a publisher of retained
 * last-value messages (setpoints).
 *
 * <p>Why not Paho's automatic reconnection: with Paho mqttv5 1.2.5 a connection lost while a
 * (re)connection is being set up can leave the client's connect thread waiting forever in
 * {@code CommsSender.start} (seen in a thread dump of {@code BrokerRestartTest}); that client never
 * tries again. So every attempt here uses a fresh {@link MqttAsyncClient}, a watchdog abandons an
 * attempt that has not completed within the connection timeout plus two seconds, and old clients
 * are closed on a throwaway thread so a stuck one cannot block the next attempt.
 *
 * <p>Why not Paho's offline buffer: it replays every message published while disconnected, most of
 * them superseded; only the newest message per topic matters for retained setpoints. While
 * disconnected, {@link #publish} keeps the newest message per topic and sends those on the next
 * connection.
 *
 * <p>Subscriptions are made again after each connection (clean start). Thread-safe.
 */
final class ReconnectingClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReconnectingClient.class.getName());
  private static final int CONNECTION_TIMEOUT_S = 5;
  private static final long INFLIGHT_WAIT_NANOS = 10_000_000_000L;

  private final MqttSettings settings;
  private final MqttSubscription[] subscriptions;
  private final BiConsumer<String, MqttMessage> onMessage;
  private final ScheduledExecutorService timer;
  private final Map<String, MqttMessage> pending = new LinkedHashMap<>();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong abandoned = new AtomicLong();
  private final AtomicLong deferred = new AtomicLong();
  private final AtomicLong inflightWaits = new AtomicLong();

  // Guarded by this: the current client, its generation, when its attempt began (0 once done).
  private MqttAsyncClient client;
  private long generation;
  private long attemptStartedNanos;
  private boolean connectScheduled;
  private int failures;
  private volatile boolean closed;

  ReconnectingClient(MqttSettings settings, MqttSubscription[] subscriptions,
      BiConsumer<String, MqttMessage> onMessage) {
    this.settings = settings;
    this.subscriptions = subscriptions.clone();
    this.onMessage = onMessage;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mqtt-connect");
      t.setDaemon(true);
      return t;
    });
    try { // fail early on a bad URI, before any thread runs
      new MqttAsyncClient(settings.serverUri(), settings.clientId(),
          new MemoryPersistence()).close();
    } catch (MqttException e) {
      throw new IllegalArgumentException("bad MQTT server URI '" + settings.serverUri() + "': "
          + e.getMessage(), e);
    }
  }

  /** Connects in the background and keeps connecting. Returns at once. */
  void start() {
    schedule(0);
    timer.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Publishes now when connected; otherwise (or when the client refuses) keeps it as the newest
   * message for its topic, sent on the next connection.
   */
  void publish(String topic, MqttMessage message) {
    MqttAsyncClient c;
    synchronized (this) {
      c = client;
      if (c == null || !c.isConnected()) {
        defer(topic, message);
        return;
      }
    }
    try {
      publishWithinInflightWindow(c, topic, message);
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.WARNING,
          String.format("MQTT publish on %s refused while connected (%s); kept for the next connection", topic, e));
      synchronized (this) {
        defer(topic, message);
      }
    }
  }

  /**
   * Paho refuses a QoS 1 publish while the broker's receive maximum of unacknowledged messages is
   * in flight (mosquitto: 20). A large fan-out reaches it; waiting for acknowledgements is right
   * here, deferring to the next connection would lose the message while connected.
   */
  private void publishWithinInflightWindow(MqttAsyncClient c, String topic, MqttMessage message)
      throws MqttException {
    long deadline = System.nanoTime() + INFLIGHT_WAIT_NANOS;
    while (true) {
      try {
        c.publish(topic, message);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
            || System.nanoTime() > deadline || !c.isConnected()) {
          throw e;
        }
        inflightWaits.incrementAndGet();
        // Thread.sleep(0, 200_000) sleeps a whole millisecond on JDK 17; parkNanos does not.
        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Times a publish waited for the broker's in-flight window. */
  long inflightWaits() {
    return inflightWaits.get();
  }

  private void defer(String topic, MqttMessage message) {
    pending.put(topic, message);
    deferred.incrementAndGet();
  }

  boolean isConnected() {
    MqttAsyncClient c;
    synchronized (this) {
      c = client;
    }
    return c != null && c.isConnected();
  }

  /** Successful connections so far. */
  long connects() {
    return connects.get();
  }

  /** Connection attempts given up by the watchdog because they hung. */
  long abandonedAttempts() {
    return abandoned.get();
  }

  /** Messages published while disconnected (only the newest per topic is sent later). */
  long deferredPublishes() {
    return deferred.get();
  }

  private synchronized void schedule(long delayMs) {
    if (closed || connectScheduled) {
      return;
    }
    connectScheduled = true;
    try {
      timer.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      connectScheduled = false; // closing
    }
  }

  private void attempt() {
    MqttAsyncClient old;
    MqttAsyncClient fresh;
    long gen;
    synchronized (this) {
      connectScheduled = false;
      if (closed || (client != null && client.isConnected())) {
        return;
      }
      try {
        fresh = new MqttAsyncClient(settings.serverUri(), settings.clientId(),
            new MemoryPersistence());
      } catch (MqttException e) {
        LOG.log(Level.SEVERE,
            String.format("MQTT: cannot create a client for %s: %s", settings.serverUri(),
                e.getMessage()));
        return;
      }
      old = client;
      client = fresh;
      gen = ++generation;
      attemptStartedNanos = System.nanoTime();
    }
    PahoClients.discardInBackground(old, "mqtt-discard");
    fresh.setCallback(new Callback(fresh, gen));
    try {
      fresh.connect(options(), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {}

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          failed(gen, e == null ? "?" : e.getMessage());
        }
      });
    } catch (MqttException | RuntimeException e) {
      failed(gen, e.getMessage());
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setServerURIs(new String[] {settings.serverUri()});
    o.setUserName(settings.username());
    o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    o.setCleanStart(true); // subscriptions are made again after every connection
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout(CONNECTION_TIMEOUT_S);
    if (settings.serverUri().startsWith("tcp://")) {
      o.setSocketFactory(new NoDelaySocketFactory());
    }
    return o;
  }

  private void failed(long gen, String why) {
    long delayMs;
    synchronized (this) {
      if (gen != generation || closed) {
        return;
      }
      attemptStartedNanos = 0;
      failures++;
      delayMs = backoffMs(failures);
    }
    LOG.log(Level.WARNING,
        String.format("MQTT: cannot connect to %s (%s); retrying in %d ms", settings.serverUri(),
            why, delayMs));
    schedule(delayMs);
  }

  private long backoffMs(int failures) {
    long ms = 500L << Math.min(failures - 1, 10);
    return Math.min(ms, settings.reconnectMaxSeconds() * 1000L);
  }

  /** Abandons an attempt that neither succeeded nor failed in time. */
  private void watchdog() {
    synchronized (this) {
      if (closed || attemptStartedNanos == 0) {
        return;
      }
      long ageMs = (System.nanoTime() - attemptStartedNanos) / 1_000_000;
      if (ageMs < (CONNECTION_TIMEOUT_S + 2) * 1000L) {
        return;
      }
      attemptStartedNanos = 0;
      generation++; // callbacks of the hung client are ignored from now on
      abandoned.incrementAndGet();
    }
    LOG.log(Level.WARNING,
        String.format("MQTT: connection attempt to %s hung; starting over with a new client",
            settings.serverUri()));
    schedule(0);
  }

  private void connected(long gen, MqttAsyncClient c) {
    Map<String, MqttMessage> flush;
    synchronized (this) {
      if (gen != generation || closed) {
        PahoClients.discardInBackground(c, "mqtt-discard");
        return;
      }
      attemptStartedNanos = 0;
      failures = 0;
      flush = new LinkedHashMap<>(pending);
      pending.clear();
    }
    connects.incrementAndGet();
    LOG.log(Level.INFO,
        String.format("MQTT: connected to %s; subscribing, %d deferred messages to send",
            settings.serverUri(), flush.size()));
    try {
      if (subscriptions.length > 0) { // an empty SUBSCRIBE is a protocol error: the broker hangs up
        c.subscribe(subscriptions, null, null, new MqttProperties());
      }
    } catch (MqttException e) {
      LOG.log(Level.SEVERE, String.format("MQTT: subscription failed: %s", e.getMessage()));
    }
    flush.forEach(this::publish);
  }

  private void lost(long gen, String why) {
    synchronized (this) {
      if (gen != generation || closed) {
        return;
      }
      attemptStartedNanos = 0;
    }
    LOG.log(Level.WARNING,
        String.format("MQTT: connection to %s lost (%s); reconnecting", settings.serverUri(), why));
    schedule(backoffMs(1));
  }

  /** Disconnects cleanly when connected, and stops reconnecting. Idempotent. */
  @Override
  public void close() {
    MqttAsyncClient c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = client;
      client = null;
    }
    timer.shutdownNow();
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, () -> String.format("MQTT disconnect: %s", e.getMessage()));
    }
    PahoClients.discardInBackground(c, "mqtt-discard");
  }

  private final class Callback implements MqttCallback {
    private final MqttAsyncClient owner;
    private final long gen;

    Callback(MqttAsyncClient owner, long gen) {
      this.owner = owner;
      this.gen = gen;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      connected(gen, owner);
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {
      lost(gen, r.getException() != null ? r.getException().getMessage() : r.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.log(Level.WARNING, String.format("MQTT error: %s", e.getMessage()));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      onMessage.accept(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
