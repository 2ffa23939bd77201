package org.heatgrid.control.service.adapter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.loop.Setpoint;
import org.heatgrid.control.loop.SetpointOutbox;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.control.loop.TelemetryRejection;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.PayloadException;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.StatusMessage;
import org.heatgrid.wire.TelemetryMessage;
import org.heatgrid.wire.Topics;
import org.heatgrid.wire.paho.SetpointPublisher;

/**
 * The controller's side of the MQTT contract (Eclipse Paho, MQTT 5), user {@code controller}.
 *
 * <p>In: subscribes to {@code heatgrid/v1/{site}/+/telemetry} and {@code .../+/status} after every
 * (re)connection; each telemetry message is decoded and schema-checked with {@link PayloadCodec},
 * then offered to the {@link TelemetryInbox}; what cannot be decoded is refused there by reason
 * (malformed JSON, NaN/Infinity, schema: wrong types, missing or unknown fields; a payload naming
 * another building than its topic counts as unknown building). Statuses are kept per building.
 *
 * <p>Out: as the loop's {@link SetpointOutbox} it publishes each setpoint retained, QoS 1, with
 * the message expiry of {@link SetpointPublisher#expirySeconds} (scaled by the time speed). While
 * disconnected, the newest setpoint per building is kept and sent on reconnection; gateways refuse
 * it if it expired meanwhile. Connection handling, and why it is not Paho's own, is in
 * {@link ReconnectingClient}. Thread-safe.
 */
public final class MqttLink implements SetpointOutbox, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MqttLink.class.getName());
  private static final int QOS = 1;
  private static final int MAX_PLAN = 672;

  private final String site;
  private final PayloadCodec codec;
  private final TelemetryInbox inbox;
  private final double timeScale;
  private final ReconnectingClient client;
  private final Map<String, StatusMessage> statuses = new ConcurrentHashMap<>();
  private final AtomicLong statusRejected = new AtomicLong();

  /**
   * @param timeScale simulated seconds per wall second of the loop's clock (1 in real operation)
   */
  public MqttLink(MqttSettings settings, String site, PayloadCodec codec, TelemetryInbox inbox,
      double timeScale) {
    this.site = site;
    this.codec = codec;
    this.inbox = inbox;
    this.timeScale = timeScale;
    this.client = new ReconnectingClient(settings, new MqttSubscription[] {
        new MqttSubscription(Topics.allTelemetry(site), QOS),
        new MqttSubscription(Topics.allStatus(site), QOS)}, this::onMessage);
  }

  /** Connects in the background and keeps reconnecting after any loss. Returns at once. */
  public void start() {
    client.start();
  }

  @Override
  public void publish(Setpoint s) {
    SetpointMessage m = toMessage(s);
    long expiry = SetpointPublisher.expirySeconds(s.issuedAt(), s.validUntil(), timeScale);
    MqttMessage msg = SetpointPublisher.message(codec.encode(m), expiry);
    client.publish(new Topics(site, s.buildingId()).setpoint(), msg);
  }

  /** The contract's payload for a loop setpoint. */
  SetpointMessage toMessage(Setpoint s) {
    double limit = s.command().heatLimitKw();
    List<PlanStep> plan = s.plan().size() > MAX_PLAN ? s.plan().subList(0, MAX_PLAN) : s.plan();
    String reason = s.reason().length() > 500 ? s.reason().substring(0, 500) : s.reason();
    return new SetpointMessage(site, s.buildingId(), s.seq(), s.issuedAt(), s.validUntil(),
        s.command().supplySetpointC(), Double.isFinite(limit) ? limit : null, s.mode(), reason,
        plan);
  }


  /** Handles one telemetry payload from {@code topic}; public for tests without a broker. */
  public void onTelemetry(String topic, byte[] payload) {
    TelemetryMessage m;
    try {
      m = codec.decodeTelemetry(payload);
    } catch (PayloadException e) {
      inbox.reject(classify(e), topic + ": " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      inbox.reject(TelemetryRejection.SCHEMA, topic + ": " + e);
      return;
    }
    String topicBuilding = buildingOf(topic);
    if (!m.building().equals(topicBuilding)) {
      inbox.reject(TelemetryRejection.UNKNOWN_BUILDING, topic + ": payload names building '"
          + m.building() + "'");
      return;
    }
    inbox.offer(new TelemetryMessage(m.seq(), m.periodStart(), m.periodEnd(), m.telemetry()))
        .ifPresent(r -> LOG.log(Level.FINE, () -> String.format("telemetry on %s refused: %s",
            topic, r)));
  }

  static TelemetryRejection classify(PayloadException e) {
    String reason = e.reason();
    if ("$".equals(e.field())) {
      if (reason.startsWith("not JSON")) {
        return reason.contains("NaN") || reason.contains("Infinity")
            ? TelemetryRejection.NON_FINITE : TelemetryRejection.MALFORMED_JSON;
      }
      if (reason.startsWith("empty payload") || reason.startsWith("must be a JSON object")) {
        return TelemetryRejection.MALFORMED_JSON;
      }
    }
    return TelemetryRejection.SCHEMA;
  }

  private void onStatus(String topic, byte[] payload) {
    if (payload == null || payload.length == 0) {
      return; // a cleared retained status
    }
    try {
      StatusMessage s = codec.decodeStatus(payload);
      if (s.building().equals(buildingOf(topic))) {
        statuses.put(s.building(), s);
      } else {
        statusRejected.incrementAndGet();
      }
    } catch (RuntimeException e) {
      statusRejected.incrementAndGet();
      LOG.log(Level.FINE, () -> String.format("status on %s refused: %s", topic, e.getMessage()));
    }
  }

  private static String buildingOf(String topic) {
    String[] p = topic.split("/");
    return p.length == 5 ? p[3] : "";
  }

  /** The last status each gateway published (or its last will). */
  public Map<String, StatusMessage> statuses() {
    return Map.copyOf(statuses);
  }

  public Optional<StatusMessage> status(String building) {
    return Optional.ofNullable(statuses.get(building));
  }

  public long statusRejected() {
    return statusRejected.get();
  }

  public long connects() {
    return client.connects();
  }

  /**
   * Connection attempts that hung and were given up (a Paho failure mode, see
   * ReconnectingClient).
   */
  public long abandonedConnects() {
    return client.abandonedAttempts();
  }

  /** Setpoints published while disconnected; the newest per building went out on reconnection. */
  public long deferredSetpoints() {
    return client.deferredPublishes();
  }

  /** Publishes that waited for the broker's in-flight window (large fan-outs). */
  public long inflightWaits() {
    return client.inflightWaits();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Disconnects and releases the client. Idempotent. */
  @Override
  public void close() {
    client.close();
  }

  private void onMessage(String topic, MqttMessage message) {
    try {
      if (topic.endsWith("/telemetry")) {
        onTelemetry(topic, message.getPayload());
      } else if (topic.endsWith("/status")) {
        onStatus(topic, message.getPayload());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, String.format("MQTT: message on %s not handled", topic), e);
    }
  }
}
