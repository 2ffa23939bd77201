package org.heatgrid.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;

/**
 * JSON for the contract's payloads. Decoding checks the document against the published JSON Schema
 * ({@code schemas/v1/*.schema.json}, draft 2020-12, formats asserted) and then the rules a schema
 * cannot say (valid_until after issued_at); encoding checks its own output the same way (a
 * setpoint's plan steps against the schema's item bounds, see {@link #encode(SetpointMessage)}),
 * so nothing invalid is ever published. Every failure is a {@link PayloadException} naming field and reason.
 *
 * <p>Thread-safe; build one and share it (loading the schemas takes some milliseconds).
 */
public final class PayloadCodec {

  /** The three payload kinds, with their schema ids and schema resources. */
  public enum Kind {
    SETPOINT(SetpointMessage.SCHEMA, "setpoint"),
    TELEMETRY(TelemetryMessage.SCHEMA, "telemetry"),
    STATUS(StatusMessage.SCHEMA, "status");

    private final String schemaId;
    private final String resource;

    Kind(String schemaId, String name) {
      this.schemaId = schemaId;
      this.resource = "/schemas/v1/" + name + ".schema.json";
    }

    /** The {@code schema} field's value, e.g. {@code heatgrid.setpoint/1}. */
    public String schemaId() {
      return schemaId;
    }

    /** Class-path location of the JSON Schema. */
    public String resource() {
      return resource;
    }

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Schema[] schemas = new Schema[Kind.values().length];

  public PayloadCodec() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    for (Kind kind : Kind.values()) {
      try (InputStream in = PayloadCodec.class.getResourceAsStream(kind.resource())) {
        if (in == null) {
          throw new IllegalStateException("schema missing from the class path: " + kind.resource());
        }
        schemas[kind.ordinal()] = registry.getSchema(in, InputFormat.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + kind.resource(), e);
      }
    }
  }

  /**
   * Schema errors of a JSON document, each as {@code "<json path>: <reason>"}; empty when valid.
   * Does not check the rules beyond the schema.
   */
  public List<String> schemaErrors(Kind kind, String document) {
    List<String> out = new ArrayList<>();
    for (Error e : schemas[kind.ordinal()].validate(document, InputFormat.JSON)) {
      out.add(location(e) + ": " + reasonOf(e));
    }
    return out;
  }

  // ---- setpoint

  /** Reads and checks a setpoint payload. */
  public SetpointMessage decodeSetpoint(byte[] payload) {
    JsonNode n = parse(Kind.SETPOINT, payload);
    Instant issued = Instant.parse(n.get("issued_at").asText());
    Instant validUntil = Instant.parse(n.get("valid_until").asText());
    if (!validUntil.isAfter(issued)) {
      throw new PayloadException("setpoint", "$.valid_until",
          "must be after issued_at (" + issued + "): " + validUntil);
    }
    List<PlanStep> plan = new ArrayList<>();
    JsonNode steps = n.path("plan");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      plan.add(new PlanStep(Instant.parse(s.get("at").asText()),
          s.get("supply_setpoint_c").asDouble(), measurement(s.get("heat_kw"))));
    }
    return construct(Kind.SETPOINT, () -> new SetpointMessage(
        n.get("site").asText(), n.get("building").asText(), n.get("seq").asLong(), issued,
        validUntil, n.get("supply_setpoint_c").asDouble(), nullableDouble(n.get("heat_limit_kw")),
        Mode.fromJson(n.get("mode").asText()),
        n.hasNonNull("reason") ? n.get("reason").asText() : null, plan));
  }

  /**
   * The setpoint as JSON. The document without its plan is checked against the schema; the plan's
   * steps (up to 672 per message, 96 from the MPC) are checked here against the schema's item
   * bounds ({@link #PLAN_MAX_ITEMS}, {@link #PLAN_SUPPLY_MIN_C}, {@link #PLAN_SUPPLY_MAX_C}; the
   * other item rules hold by construction of {@link PlanStep}), because validating them with the
   * schema cost a control service as much CPU as its MPC's plan (app/FLEET.md). A test holds the
   * bounds equal to the schema's.
   */
  public byte[] encode(SetpointMessage m) {
    ObjectNode o = json.createObjectNode();
    o.put("schema", SetpointMessage.SCHEMA);
    o.put("site", m.site());
    o.put("building", m.building());
    o.put("seq", m.seq());
    o.put("issued_at", m.issuedAt().toString());
    o.put("valid_until", m.validUntil().toString());
    o.put("supply_setpoint_c", m.supplySetpointC());
    o.put("heat_limit_kw", m.heatLimitKw());
    o.put("mode", m.mode().json());
    if (m.reason() != null) {
      o.put("reason", m.reason());
    }
    if (m.plan().isEmpty()) {
      return write(Kind.SETPOINT, o);
    }
    check(Kind.SETPOINT, o);
    if (m.plan().size() > PLAN_MAX_ITEMS) {
      throw new PayloadException(Kind.SETPOINT.label(), "$.plan", "would not match the schema: "
          + m.plan().size() + " steps, at most " + PLAN_MAX_ITEMS);
    }
    ArrayNode plan = o.putArray("plan");
    for (int i = 0; i < m.plan().size(); i++) {
      PlanStep s = m.plan().get(i);
      if (!(s.supplySetpointC() >= PLAN_SUPPLY_MIN_C && s.supplySetpointC() <= PLAN_SUPPLY_MAX_C)) {
        throw new PayloadException(Kind.SETPOINT.label(), "$.plan[" + i + "].supply_setpoint_c",
            "would not match the schema: " + s.supplySetpointC() + " is outside "
                + PLAN_SUPPLY_MIN_C + ".." + PLAN_SUPPLY_MAX_C);
      }
      if (s.at().isBefore(FIRST_DATE_TIME) || !s.at().isBefore(AFTER_LAST_DATE_TIME)) {
        throw new PayloadException(Kind.SETPOINT.label(), "$.plan[" + i + "].at",
            "would not match the schema: " + s.at() + " is not an RFC 3339 date-time");
      }
      ObjectNode step = plan.addObject();
      step.put("at", s.at().toString());
      step.put("supply_setpoint_c", s.supplySetpointC());
      if (s.hasHeat()) {
        step.put("heat_kw", s.heatKw());
      } else {
        step.putNull("heat_kw");
      }
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The setpoint schema's {@code plan.maxItems}. */
  static final int PLAN_MAX_ITEMS = 672;
  /** The setpoint schema's plan item {@code supply_setpoint_c} minimum. */
  static final double PLAN_SUPPLY_MIN_C = 0;
  /** The setpoint schema's plan item {@code supply_setpoint_c} maximum. */
  static final double PLAN_SUPPLY_MAX_C = 120;
  /** Instants that {@link Instant#toString} writes as an RFC 3339 date-time (four-digit years). */
  private static final Instant FIRST_DATE_TIME = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant AFTER_LAST_DATE_TIME = Instant.parse("+10000-01-01T00:00:00Z");

  // ---- telemetry

  public TelemetryMessage decodeTelemetry(byte[] payload) {
    JsonNode n = parse(Kind.TELEMETRY, payload);
    JsonNode zones = n.get("zone_temps_c");
    double[] zoneTemps = new double[zones.size()];
    for (int i = 0; i < zoneTemps.length; i++) {
      zoneTemps[i] = measurement(zones.get(i));
    }
    Telemetry t = new Telemetry(n.get("building").asText(), measurement(n.get("heat_kw")),
        measurement(n.get("primary_supply_c")), measurement(n.get("primary_return_c")),
        measurement(n.get("primary_flow_m3h")), measurement(n.get("secondary_supply_c")),
        measurement(n.get("secondary_return_c")), measurement(n.get("secondary_flow_m3h")),
        zoneTemps, measurement(n.get("outdoor_c")), n.get("local_fallback").asBoolean());
    return construct(Kind.TELEMETRY, () -> new TelemetryMessage(n.get("seq").asLong(),
        Instant.parse(n.get("period_start").asText()), Instant.parse(n.get("period_end").asText()), t));
  }

  public byte[] encode(TelemetryMessage m) {
    Telemetry t = m.telemetry();
    ObjectNode o = json.createObjectNode();
    o.put("schema", TelemetryMessage.SCHEMA);
    o.put("building", t.buildingId());
    o.put("seq", m.seq());
    o.put("period_start", m.periodStart().toString());
    o.put("period_end", m.periodEnd().toString());
    putMeasurement(o, "heat_kw", t.heatKw());
    putMeasurement(o, "primary_supply_c", t.primarySupplyC());
    putMeasurement(o, "primary_return_c", t.primaryReturnC());
    putMeasurement(o, "primary_flow_m3h", t.primaryFlowM3h());
    putMeasurement(o, "secondary_supply_c", t.secondarySupplyC());
    putMeasurement(o, "secondary_return_c", t.secondaryReturnC());
    putMeasurement(o, "secondary_flow_m3h", t.secondaryFlowM3h());
    ArrayNode zones = o.putArray("zone_temps_c");
    for (double z : t.zoneTempsC()) {
      if (Double.isFinite(z)) {
        zones.add(z);
      } else {
        zones.addNull();
      }
    }
    putMeasurement(o, "outdoor_c", t.outdoorC());
    o.put("local_fallback", t.localFallback());
    return write(Kind.TELEMETRY, o);
  }

  // ---- status

  public StatusMessage decodeStatus(byte[] payload) {
    JsonNode n = parse(Kind.STATUS, payload);
    return construct(Kind.STATUS, () -> new StatusMessage(n.get("building").asText(),
        GatewayState.fromJson(n.get("state").asText()), Instant.parse(n.get("since").asText()),
        n.hasNonNull("reason") ? n.get("reason").asText() : null,
        n.hasNonNull("last_setpoint_seq") ? n.get("last_setpoint_seq").asLong() : null));
  }

  public byte[] encode(StatusMessage m) {
    ObjectNode o = json.createObjectNode();
    o.put("schema", StatusMessage.SCHEMA);
    o.put("building", m.building());
    o.put("state", m.state().json());
    o.put("since", m.since().toString());
    o.put("reason", m.reason());
    o.put("last_setpoint_seq", m.lastSetpointSeq());
    return write(Kind.STATUS, o);
  }

  // ---- shared

  private JsonNode parse(Kind kind, byte[] payload) {
    if (payload == null || payload.length == 0) {
      throw new PayloadException(kind.label(), "$", "empty payload");
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    JsonNode n;
    try {
      n = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new PayloadException(kind.label(), "$", "not JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (n == null || !n.isObject()) {
      throw new PayloadException(kind.label(), "$", "must be a JSON object");
    }
    // A clear word for a newer (or foreign) payload before the schema's const message.
    JsonNode schema = n.get("schema");
    if (schema != null && schema.isTextual() && !kind.schemaId().equals(schema.asText())) {
      throw new PayloadException(kind.label(), "$.schema", "unsupported schema '" + schema.asText()
          + "', this reader understands " + kind.schemaId());
    }
    List<Error> errors = schemas[kind.ordinal()].validate(text, InputFormat.JSON);
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      throw new PayloadException(kind.label(), location(first), reasonOf(first) + more);
    }
    return n;
  }

  private byte[] write(Kind kind, ObjectNode o) {
    return check(kind, o).getBytes(StandardCharsets.UTF_8);
  }

  /** The document's text, checked against the schema. */
  private String check(Kind kind, ObjectNode o) {
    String text = o.toString();
    List<Error> errors = schemas[kind.ordinal()].validate(text, InputFormat.JSON);
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      throw new PayloadException(kind.label(), location(first), "would not match the schema: "
          + reasonOf(first));
    }
    return text;
  }

  private static <T> T construct(Kind kind, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw new PayloadException(kind.label(), "$", e.getMessage());
    }
  }

  /** The error's place as a JSON path: {@code $}, {@code $.seq}, {@code $.plan[0].at}. */
  private static String location(Error e) {
    StringBuilder at = new StringBuilder("$");
    NodePath path = e.getInstanceLocation();
    for (int i = 0; path != null && i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        at.append('[').append(index).append(']');
      } else {
        at.append('.').append(element);
      }
    }
    // A missing property is reported on its parent; name the property itself.
    if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
      at.append('.').append(e.getProperty());
    }
    return at.toString();
  }

  private static String reasonOf(Error e) {
    String msg = e.getMessage();
    String at = String.valueOf(e.getInstanceLocation());
    if (msg != null && msg.startsWith(at + ": ")) {
      msg = msg.substring(at.length() + 2);
    }
    return msg + " [" + e.getKeyword() + "]";
  }

  private static Double nullableDouble(JsonNode n) {
    return n == null || n.isNull() ? null : n.asDouble();
  }

  private static double measurement(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static void putMeasurement(ObjectNode o, String field, double value) {
    if (Double.isFinite(value)) {
      o.put(field, value);
    } else {
      o.putNull(field);
    }
  }
}
