package org.heatgrid.control.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.heatgrid.control.api.Mode;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.wire.GatewayState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator API against the running service (real Mosquitto, InfluxDB, three gateways). */
@QuarkusTest
@WithTestResource(ServicesResource.class)
class ApiTest {

  private static List<EdgeGateway> gateways;

  @Inject
  ControlService service;

  @BeforeAll
  static void noGatewaysYet() {
    gateways = null;
  }

  private List<EdgeGateway> gateways() {
    if (gateways == null) {
      gateways = Loops.gateways(ServicesResource.BROKER, service.clock(), List.of("B01", "B02", "B03"));
    }
    return gateways;
  }

  @AfterAll
  static void stopGateways() {
    if (gateways != null) {
      gateways.forEach(EdgeGateway::close);
    }
  }

  static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pw");
  }

  @Test
  void withoutCredentials_401_viewerChanging_403() {
    given().when().get("/api/status").then().statusCode(401);
    given().when().get("/api/buildings").then().statusCode(401);
    as("viewer").when().get("/api/status").then().statusCode(200);
    as("viewer").contentType("application/json")
        .body("{\"supply_setpoint_c\": 50, \"minutes\": 30, \"reason\": \"x\"}")
        .when().put("/api/buildings/B01/override").then().statusCode(403);
    as("operator").contentType("application/json")
        .body("{\"occupied_low_c\": 20, \"occupied_high_c\": 24, \"unoccupied_low_c\": 16,"
            + " \"unoccupied_high_c\": 28, \"reason\": \"x\"}")
        .when().put("/api/buildings/B01/comfort").then().statusCode(403);
    given().auth().preemptive().basic("viewer", "wrong").when().get("/api/status").then()
        .statusCode(401);
  }

  @Test
  void badRequests_areProblemDetailsNamingTheField() {
    problem(as("operator").body("{\"supply_setpoint_c\": 500, \"minutes\": 30, \"reason\": \"x\"}"),
        "/api/buildings/B01/override", "supply_setpoint_c");
    problem(as("operator").body("{\"supply_setpoint_c\": \"warm\", \"minutes\": 30, \"reason\": \"x\"}"),
        "/api/buildings/B01/override", "supply_setpoint_c");
    problem(as("operator").body("{\"supply_setpoint_c\": 50, \"minutes\": 30}"),
        "/api/buildings/B01/override", "reason");
    problem(as("operator").body("{\"supply_setpoint_c\": 50, \"expires_at\": \"tomorrow\", \"reason\": \"x\"}"),
        "/api/buildings/B01/override", "expires_at");
    problem(as("operator").body("{\"supply_setpoint_c\": 50, \"minutes\": 30, \"reason\": \"x\", \"colour\": 1}"),
        "/api/buildings/B01/override", "colour");
    problem(as("operator").body("{\"mode\": \"turbo\", \"reason\": \"x\"}"),
        "/api/buildings/B01/mode", "mode");
    problem(as("admin").body("{\"weekday\": \"25:00-26:00\", \"saturday\": \"closed\","
        + " \"sunday_holiday\": \"closed\", \"reason\": \"x\"}"), "/api/buildings/B01/schedule", "weekday");
    problem(as("admin").body("{\"occupied_low_c\": 22, \"occupied_high_c\": 21, \"unoccupied_low_c\": 16,"
        + " \"unoccupied_high_c\": 28, \"reason\": \"x\"}"), "/api/buildings/B01/comfort", "occupied_high_c");
    as("viewer").when().get("/api/buildings/B77").then().statusCode(404)
        .contentType("application/problem+json").body("field", equalTo("id"));
  }

  private static void problem(RequestSpecification r, String path, String field) {
    r.contentType("application/json").when().put(path).then().statusCode(400)
        .contentType("application/problem+json").body("status", equalTo(400))
        .body("field", equalTo(field)).body("instance", equalTo(path))
        .body("detail", notNullValue());
  }

  @Test
  void override_isAppliedByTheGatewayThenExpires_andEveryChangeIsAudited() {
    List<EdgeGateway> gws = gateways();
    EdgeGateway b02 = gws.get(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> b02.state() == GatewayState.ONLINE);

    // 60 simulated minutes = 6 s wall at 600x: long enough to be seen on a loaded machine.
    as("operator").contentType("application/json")
        .body("{\"supply_setpoint_c\": 55.5, \"minutes\": 60, \"reason\": \"radiator bleeding\"}")
        .when().put("/api/buildings/B02/override").then().statusCode(200)
        .body("override.supply_setpoint_c", equalTo(55.5f)).body("override.by", equalTo("operator"));
    await().atMost(Duration.ofSeconds(5)).until(() -> b02.heldSetpoint()
        .map(s -> s.mode() == Mode.MANUAL && s.supplySetpointC() == 55.5).orElse(false));
    as("viewer").when().get("/api/buildings/B02").then().statusCode(200)
        .body("current_setpoint.mode", equalTo("manual")).body("override.active", equalTo(true));
    await("the override expires and auto returns").atMost(Duration.ofSeconds(20))
        .until(() -> b02.heldSetpoint().map(s -> s.mode() == Mode.AUTO).orElse(false));
    as("viewer").when().get("/api/buildings/B02").then().body("override.active", equalTo(false))
        .body("current_setpoint.mode", equalTo("auto"));

    as("operator").contentType("application/json")
        .body("{\"mode\": \"heating_curve\", \"reason\": \"commissioning\"}")
        .when().put("/api/buildings/B03/mode").then().statusCode(200).body("mode", equalTo("heating_curve"));
    await().atMost(Duration.ofSeconds(5)).until(() -> gws.get(2).heldSetpoint()
        .map(s -> s.mode() == Mode.HEATING_CURVE).orElse(false));
    as("admin").contentType("application/json")
        .body("{\"weekday\": \"07:00-19:00\", \"saturday\": \"closed\", \"sunday_holiday\": \"closed\","
            + " \"reason\": \"longer opening\"}")
        .when().put("/api/buildings/B03/schedule").then().statusCode(200)
        .body("weekday", equalTo("07:00-19:00"));

    as("viewer").when().get("/api/audit?building=B02").then().statusCode(200)
        .body("[0].who", equalTo("operator")).body("[0].what", equalTo("override.set"))
        .body("[0].why", equalTo("radiator bleeding")).body("[0].at", notNullValue());
    as("viewer").when().get("/api/audit?building=B03").then().statusCode(200).body("$", hasSize(2))
        .body("what", hasItem("mode")).body("what", hasItem("schedule"));
    as("operator").when().delete("/api/buildings/B02/override?reason=gone").then().statusCode(404);
  }

  @Test
  void status_andDocumentationAndMetrics() {
    gateways();
    await().atMost(Duration.ofSeconds(20)).until(() -> service.runtime().loop().counters().periods() >= 2);
    as("viewer").when().get("/api/status").then().statusCode(200)
        .body("site", equalTo("campus16")).body("buildings", equalTo(3))
        .body("telemetry_rejected.replayed", notNullValue())
        .body("savings.method", containsString("M&V: no M&V baseline yet"))
        .body("controller.running", notNullValue());
    // No learning has kept a heating-curve period yet: the savings say why there are none.
    as("viewer").when().get("/api/savings").then().statusCode(200)
        .body("computed", equalTo(false)).body("days", hasSize(0))
        .body("method", containsString("IPMVP option C"))
        .body("method", containsString("Not computed: no M&V baseline yet"));
    given().when().get("/api/savings").then().statusCode(401);
    as("viewer").when().get("/api/buildings").then().statusCode(200).body("$", hasSize(3));
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/buildings/{id}/override"));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("heatgrid_telemetry_rejected_total{reason=\"malformed_json\"}")
        .contains("heatgrid_setpoints_published_total").contains("heatgrid_loop_periods_total")
        .contains("heatgrid_controller_fallbacks_total").contains("heatgrid_influx_buffered")
        .contains("heatgrid_models_mpc ").contains("heatgrid_models_learnings_failed_total");
    given().when().get("/q/health").then().statusCode(200);
  }
}
