package org.heatgrid.control.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.gateway.EdgeGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MPC from model bundles in the running service (real Mosquitto and InfluxDB): the status says
 * which controller runs and why; administrators activate a bundle, roll back to an older one and
 * go back to the heating curve, each audited; a corrupt bundle is refused and the running
 * controller stays; learning from a record that is too short is refused with what is missing.
 * The bundle is a real one, learnt by {@code heatgrid learn --buildings B01,B02,B03 --no-network}
 * from 15 days of {@code heatgrid run --controller baseline}.
 */
@QuarkusTest
@WithTestResource(ServicesResource.class)
class ModelsApiTest {

  @Inject
  ControlService service;

  static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user + "-pw");
  }

  @AfterEach
  void backToTheCurve() {
    // Other test classes share this service: leave it on the heating curve.
    if (service.models().state().bundle() != null) {
      service.models().useCurve("test", "clean up");
    }
  }

  @Test
  void withoutBundle_theCurveRuns_andTheStatusSaysWhy() {
    // The status is cached for 0.25 s: another test's bundle may still show for that long.
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        as("viewer").when().get("/api/status").then().statusCode(200)
            .body("controller.running", equalTo("heating-curve"))
            .body("controller.bundle", nullValue())
            .body("controller.reason", anyOf(containsString("no active bundle"),
                containsString("heating curve chosen by"))));
  }

  @Test
  void activateRollbackAndCurve_adminOnly_audited_andTheLoopRunsTheMpc() throws IOException {
    storeBundle("v0001");
    storeBundle("v0002");
    String body = "{\"reason\": \"commissioning\"}";
    as("viewer").contentType("application/json").body(body)
        .when().post("/api/models/v0001/activate").then().statusCode(403);
    as("operator").contentType("application/json").body(body)
        .when().post("/api/models/v0001/activate").then().statusCode(403);
    as("admin").contentType("application/json").body("{}")
        .when().post("/api/models/v0001/activate").then().statusCode(400)
        .body("field", equalTo("reason"));

    as("admin").contentType("application/json").body(body)
        .when().post("/api/models/v0002/activate").then().statusCode(200)
        .body("running", equalTo("mpc")).body("bundle", equalTo("v0002"));
    long periods = service.runtime().loop().counters().periods();
    long failures = service.runtime().loop().counters().controllerFailures();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        service.runtime().loop().counters().periods() >= periods + 3);
    assertThat(service.models().controller().current()).isInstanceOf(MpcController.class);
    assertThat(service.runtime().loop().counters().controllerFailures())
        .as("the MPC from the bundle plans without failing").isEqualTo(failures);

    // Rollback: the older bundle, by name.
    as("admin").contentType("application/json").body("{\"reason\": \"v0002 misbehaves\"}")
        .when().post("/api/models/v0001/activate").then().statusCode(200)
        .body("bundle", equalTo("v0001"));
    assertThat(Files.readString(store().resolve("ACTIVE")).trim()).isEqualTo("v0001");
    as("viewer").when().get("/api/models").then().statusCode(200)
        .body("controller.bundle", equalTo("v0001"))
        .body("bundles.version", hasItems("v0001", "v0002"))
        .body("bundles.find { it.version == 'v0001' }.active", equalTo(true))
        .body("bundles.find { it.version == 'v0001' }.usable_days", equalTo(15));
    as("viewer").when().get("/api/status").then()
        .body("controller.running", equalTo("mpc")).body("controller.bundle", equalTo("v0001"));

    as("operator").when().delete("/api/models/active?reason=x").then().statusCode(403);
    as("admin").when().delete("/api/models/active?reason=back%20to%20the%20curve").then()
        .statusCode(200).body("running", equalTo("heating-curve"));
    assertThat(store().resolve("ACTIVE")).doesNotExist();
    as("viewer").when().get("/api/audit?building=*").then().statusCode(200)
        .body("what", hasItem("bundle.activate")).body("what", hasItem("bundle.deactivate"))
        .body("why", hasItem("v0002 misbehaves")).body("after", hasItem("v0001"));
  }

  @Test
  void corruptOrUnknownBundle_isRefused_andTheRunningControllerStays() throws IOException {
    storeBundle("v0001");
    as("admin").contentType("application/json").body("{\"reason\": \"start\"}")
        .when().post("/api/models/v0001/activate").then().statusCode(200);
    Path v3 = storeBundle("v0003");
    Path manifest = v3.resolve("bundle.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"uaKwPerK\" : 1", "\"uaKwPerK\" : 2"));
    as("admin").contentType("application/json").body("{\"reason\": \"try\"}")
        .when().post("/api/models/v0003/activate").then().statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:heatgrid:problem:bundle-refused"))
        .body("detail", containsString("bundle.json does not match its SHA-256"));
    as("admin").contentType("application/json").body("{\"reason\": \"try\"}")
        .when().post("/api/models/v0009/activate").then().statusCode(404);
    as("viewer").when().get("/api/status").then().body("controller.bundle", equalTo("v0001"));
    as("viewer").when().get("/api/models").then()
        .body("bundles.find { it.version == 'v0003' }.problem", containsString("corrupt"));
    assertThat(service.models().controller().current()).isInstanceOf(MpcController.class);
  }

  @Test
  void learningFromAShortRecord_isRefusedNamingWhatIsMissing_andNothingChanges() {
    List<EdgeGateway> gateways = Loops.gateways(ServicesResource.BROKER, service.clock(),
        List.of("B01", "B02", "B03"));
    try {
      long accepted = service.runtime().inbox().accepted();
      await().atMost(Duration.ofSeconds(30)).until(() ->
          service.runtime().inbox().accepted() >= accepted + 6);
    } finally {
      gateways.forEach(EdgeGateway::close);
    }
    // Let the InfluxDB writer flush (every 0.2 s here).
    await().atMost(Duration.ofSeconds(10)).until(() -> service.runtime().sink().buffered() == 0);
    String before = service.models().state().controller();
    as("operator").when().post("/api/models/learn").then().statusCode(403);
    as("admin").when().post("/api/models/learn").then().statusCode(409)
        .body("detail", containsString("usable days of the 14 needed"));
    assertThat(service.models().state().controller()).isEqualTo(before);
    assertThat(service.models().learningsFailed()).isPositive();
  }

  private Path store() {
    return service.models().store().root();
  }

  /** Copies the test bundle into the service's store as {@code version}. */
  private Path storeBundle(String version) throws IOException {
    Path dir = store().resolve(version);
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir);
    for (String f : List.of("bundle.json", "SHA256SUMS")) {
      try (InputStream in = getClass().getResourceAsStream("/bundles/campus16-b01-b03/" + f)) {
        Files.write(dir.resolve(f), new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    return dir;
  }
}
