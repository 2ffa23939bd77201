package org.heatgrid.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadCodecTest {

  private static final PayloadCodec CODEC = new PayloadCodec();
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  static final String GOOD_SETPOINT = """
      {"schema":"heatgrid.setpoint/1","site":"campus16","building":"B01","seq":41,
       "issued_at":"2026-01-05T00:00:00Z","valid_until":"2026-01-05T00:30:00Z",
       "supply_setpoint_c":52.5,"heat_limit_kw":null,"mode":"auto","reason":"preheat before 08:00",
       "plan":[{"at":"2026-01-05T00:15:00Z","supply_setpoint_c":55.0,"heat_kw":120.5},
               {"at":"2026-01-05T00:30:00Z","supply_setpoint_c":57.0,"heat_kw":null}]}
      """;

  @Test
  void decodeSetpoint_readsEveryField() {
    SetpointMessage m = CODEC.decodeSetpoint(bytes(GOOD_SETPOINT));
    assertThat(m.site()).isEqualTo("campus16");
    assertThat(m.building()).isEqualTo("B01");
    assertThat(m.seq()).isEqualTo(41);
    assertThat(m.issuedAt()).isEqualTo(T0);
    assertThat(m.validUntil()).isEqualTo(T0.plusSeconds(1800));
    assertThat(m.supplySetpointC()).isEqualTo(52.5);
    assertThat(m.heatLimitKw()).isNull();
    assertThat(m.command().heatLimitKw()).isInfinite();
    assertThat(m.mode()).isEqualTo(Mode.AUTO);
    assertThat(m.reason()).isEqualTo("preheat before 08:00");
    assertThat(m.plan()).containsExactly(
        new PlanStep(T0.plusSeconds(900), 55.0, 120.5), new PlanStep(T0.plusSeconds(1800), 57.0, Double.NaN));
  }

  @Test
  void encodeSetpoint_roundTrips() {
    SetpointMessage m = CODEC.decodeSetpoint(bytes(GOOD_SETPOINT));
    assertThat(CODEC.decodeSetpoint(CODEC.encode(m))).isEqualTo(m);
    SetpointMessage limited = new SetpointMessage("campus16", "B02", 7, T0, T0.plusSeconds(900), 45,
        80.0, Mode.MANUAL, null, List.of());
    assertThat(CODEC.decodeSetpoint(CODEC.encode(limited))).isEqualTo(limited);
    assertThat(CODEC.schemaErrors(PayloadCodec.Kind.SETPOINT, new String(CODEC.encode(limited),
        StandardCharsets.UTF_8))).isEmpty();
  }

  /** Each row: a change to the good payload, the field the error must name, a word of the reason. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing seq               | "seq":41,                        |                           | $.seq              | required
      negative seq              | "seq":41                         | "seq":-1                  | $.seq              | minimum
      seq not an integer        | "seq":41                         | "seq":41.5                | $.seq              | integer
      seq as a string           | "seq":41                         | "seq":"41"                | $.seq              | integer
      unknown mode              | "mode":"auto"                    | "mode":"turbo"            | $.mode             | enum
      supply too hot            | "supply_setpoint_c":52.5         | "supply_setpoint_c":250   | $.supply_setpoint_c | maximum
      negative heat limit       | "heat_limit_kw":null             | "heat_limit_kw":-5        | $.heat_limit_kw    | minimum
      bad instant               | "issued_at":"2026-01-05T00:00:00Z" | "issued_at":"yesterday" | $.issued_at        | date-time
      unknown field             | "mode":"auto"                    | "mode":"auto","colour":1  | $                  | colour
      wildcard in building      | "building":"B01"                 | "building":"B+"           | $.building         | pattern
      plan step without at      | {"at":"2026-01-05T00:15:00Z",    | {                         | $.plan[0].at       | required
      valid_until before issued | "valid_until":"2026-01-05T00:30:00Z" | "valid_until":"2026-01-04T23:00:00Z" | $.valid_until | after issued_at
      newer schema              | "schema":"heatgrid.setpoint/1"   | "schema":"heatgrid.setpoint/2" | $.schema      | unsupported schema
      """)
  void decodeSetpoint_rejectsBadPayloadNamingFieldAndReason(String name, String from, String to,
      String field, String reasonWord) {
    String bad = GOOD_SETPOINT.replace(from, to == null ? "" : to);
    assertThat(bad).as("the test row changes the payload").isNotEqualTo(GOOD_SETPOINT);
    assertThatThrownBy(() -> CODEC.decodeSetpoint(bytes(bad)))
        .isInstanceOfSatisfying(PayloadException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).containsIgnoringCase(reasonWord);
          assertThat(e.getMessage()).startsWith("setpoint payload, field " + field + ": ");
        });
  }

  @Test
  void decodeSetpoint_rejectsNonJsonAndEmptyAndArrays() {
    assertThatThrownBy(() -> CODEC.decodeSetpoint(bytes("{\"seq\": ")))
        .isInstanceOf(PayloadException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> CODEC.decodeSetpoint(new byte[0]))
        .isInstanceOf(PayloadException.class).hasMessageContaining("empty payload");
    assertThatThrownBy(() -> CODEC.decodeSetpoint(bytes("[1,2]")))
        .isInstanceOf(PayloadException.class).hasMessageContaining("JSON object");
  }

  @Test
  void telemetry_roundTripsWithUnreadableSensorsAsNull() {
    Telemetry t = new Telemetry("B03", 153.2, 110.5, 61.0, 2.6, 55.1, 44.9, 13.0,
        new double[] {21.3, Double.NaN, 20.8}, Double.NaN, true);
    TelemetryMessage m = new TelemetryMessage(12, T0, T0.plusSeconds(900), t);
    byte[] json = CODEC.encode(m);
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text).contains("\"schema\":\"heatgrid.telemetry/1\"", "\"outdoor_c\":null",
        "\"zone_temps_c\":[21.3,null,20.8]", "\"local_fallback\":true", "\"period_end\":\"2026-01-05T00:15:00Z\"");
    TelemetryMessage back = CODEC.decodeTelemetry(json);
    assertThat(back.seq()).isEqualTo(12);
    assertThat(back.periodStart()).isEqualTo(T0);
    assertThat(back.telemetry().heatKw()).isEqualTo(153.2);
    assertThat(back.telemetry().secondaryFlowM3h()).isEqualTo(13.0);
    assertThat(back.telemetry().zoneTempsC()).containsExactly(21.3, Double.NaN, 20.8);
    assertThat(back.telemetry().outdoorC()).isNaN();
    assertThat(back.telemetry().localFallback()).isTrue();
  }

  @Test
  void telemetry_withoutZonesIsRefused() {
    String noZones = new String(CODEC.encode(new TelemetryMessage(0, T0, T0.plusSeconds(900),
        new Telemetry("B03", 1, 1, 1, 1, 1, 1, 1, new double[] {20}, 1, false))), StandardCharsets.UTF_8)
        .replace("\"zone_temps_c\":[20.0]", "\"zone_temps_c\":[]");
    assertThatThrownBy(() -> CODEC.decodeTelemetry(bytes(noZones)))
        .isInstanceOfSatisfying(PayloadException.class,
            e -> assertThat(e.field()).isEqualTo("$.zone_temps_c"));
  }

  @Test
  void status_roundTrips() {
    StatusMessage s = new StatusMessage("B04", GatewayState.FALLBACK, T0,
        "setpoint 41 expired at 2026-01-05T00:30:00Z", 41L);
    assertThat(CODEC.decodeStatus(CODEC.encode(s))).isEqualTo(s);
    StatusMessage fresh = new StatusMessage("B04", GatewayState.OFFLINE, T0, null, null);
    assertThat(CODEC.decodeStatus(CODEC.encode(fresh))).isEqualTo(fresh);
  }

  @Test
  void status_rejectsUnknownState() {
    String bad = "{\"schema\":\"heatgrid.status/1\",\"building\":\"B04\",\"state\":\"sleeping\","
        + "\"since\":\"2026-01-05T00:00:00Z\",\"reason\":null,\"last_setpoint_seq\":null}";
    assertThatThrownBy(() -> CODEC.decodeStatus(bytes(bad)))
        .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.field()).isEqualTo("$.state"));
  }

  @Test
  void schemas_areFoundAndDeclareDraft202012() throws Exception {
    for (PayloadCodec.Kind kind : PayloadCodec.Kind.values()) {
      try (var in = PayloadCodec.class.getResourceAsStream(kind.resource())) {
        assertThat(in).as(kind.resource()).isNotNull();
        String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(schema).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"")
            .contains("\"const\": \"" + kind.schemaId() + "\"");
      }
    }
  }

  /** The encoder checks plan steps itself (speed); its bounds must be the schema's. */
  @Test
  void encoderPlanBounds_areTheSchemas() throws Exception {
    try (var in = PayloadCodec.class.getResourceAsStream(PayloadCodec.Kind.SETPOINT.resource())) {
      var plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
          .path("properties").path("plan");
      var supply = plan.path("items").path("properties").path("supply_setpoint_c");
      assertThat(plan.path("maxItems").asInt()).isEqualTo(PayloadCodec.PLAN_MAX_ITEMS);
      assertThat(supply.path("minimum").asDouble()).isEqualTo(PayloadCodec.PLAN_SUPPLY_MIN_C);
      assertThat(supply.path("maximum").asDouble()).isEqualTo(PayloadCodec.PLAN_SUPPLY_MAX_C);
      assertThat(plan.path("items").path("required").toString())
          .isEqualTo("[\"at\",\"supply_setpoint_c\"]");
    }
  }

  @Test
  void encodeSetpoint_withTheMpcsPlan_matchesTheSchema_andABadStepIsRefusedByName() {
    List<PlanStep> plan = new java.util.ArrayList<>();
    for (int k = 0; k < 96; k++) {
      plan.add(new PlanStep(T0.plusSeconds(900L * k), 40 + k % 20, k % 3 == 0 ? Double.NaN : k));
    }
    SetpointMessage m = new SetpointMessage("campus16", "B01", 3, T0, T0.plusSeconds(1800), 50,
        null, Mode.AUTO, "plan", plan);
    String json = new String(CODEC.encode(m), StandardCharsets.UTF_8);
    assertThat(CODEC.schemaErrors(PayloadCodec.Kind.SETPOINT, json)).isEmpty();
    assertThat(CODEC.decodeSetpoint(bytes(json))).isEqualTo(m);

    plan.set(7, new PlanStep(T0.plusSeconds(900L * 7), 120.5, 10));
    SetpointMessage tooHot = new SetpointMessage("campus16", "B01", 4, T0, T0.plusSeconds(1800),
        50, null, Mode.AUTO, null, plan);
    assertThatThrownBy(() -> CODEC.encode(tooHot)).isInstanceOfSatisfying(PayloadException.class,
        e -> assertThat(e.field()).isEqualTo("$.plan[7].supply_setpoint_c"));
    SetpointMessage far = new SetpointMessage("campus16", "B01", 5, T0, T0.plusSeconds(1800), 50,
        null, Mode.AUTO, null, List.of(new PlanStep(Instant.parse("+10000-01-01T00:00:00Z"), 50, 1)));
    assertThatThrownBy(() -> CODEC.encode(far)).isInstanceOfSatisfying(PayloadException.class,
        e -> assertThat(e.field()).isEqualTo("$.plan[0].at"));
    List<PlanStep> long673 = java.util.Collections.nCopies(673, new PlanStep(T0, 50, 1));
    SetpointMessage tooLong = new SetpointMessage("campus16", "B01", 6, T0, T0.plusSeconds(1800),
        50, null, Mode.AUTO, null, long673);
    assertThatThrownBy(() -> CODEC.encode(tooLong)).isInstanceOfSatisfying(PayloadException.class,
        e -> assertThat(e.field()).isEqualTo("$.plan"));
    SetpointMessage badHead = new SetpointMessage("campus16", "B01", 7, T0, T0.plusSeconds(1800),
        130, null, Mode.AUTO, null, plan.subList(0, 3));
    assertThatThrownBy(() -> CODEC.encode(badHead)).isInstanceOfSatisfying(PayloadException.class,
        e -> assertThat(e.field()).isEqualTo("$.supply_setpoint_c"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
