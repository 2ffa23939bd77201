package org.heatgrid.forecast.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forecasts of the really trained synthetic model, through HTTP. */
@QuarkusTest
@WithTestResource(SyntheticSiteResource.class)
class ForecastResourceTest {

  /** Local midnight of day 105: after the training period, inside the data. */
  static final String FROM = "2024-04-15T00:00+09:00";
  static final Instant ISSUE = LocalDateTime.parse("2024-04-15T00:00").atZone(SyntheticSite.ZONE).toInstant();

  @Test
  void forecastsEveryBuildingForTheModelsHorizon() {
    JsonPath json = given().queryParam("from", FROM)
        .when().get("/forecasts")
        .then().statusCode(200).contentType("application/json")
        .body("model_version", equalTo("v0001"))
        .body("issued_at", equalTo(ISSUE.toString()))
        .body("step_minutes", equalTo(60))
        .body("horizon_steps", equalTo(24))
        .extract().jsonPath();
    Map<String, List<Map<String, Object>>> forecasts = json.getMap("forecasts");
    assertThat(forecasts).containsOnlyKeys("B1", "B2");
    forecasts.forEach((building, points) -> checkHourly(points, 24));
    // The larger building stays larger: the network learned the per-building scale.
    assertThat(mean(forecasts.get("B1"))).isGreaterThan(mean(forecasts.get("B2")));
  }

  @Test
  void forecastsOneBuildingByQueryOrPath() {
    given().queryParam("from", FROM).queryParam("building", "B2")
        .when().get("/forecasts")
        .then().statusCode(200)
        .body("forecasts", hasKey("B2"))
        .body("forecasts", not(hasKey("B1")))
        .body("forecasts.B2.size()", equalTo(24));
    JsonPath json = given().queryParam("from", FROM).queryParam("hours", 36)
        .when().get("/forecasts/B1")
        .then().statusCode(200)
        .body("horizon_steps", equalTo(36))
        .extract().jsonPath();
    checkHourly(json.getList("forecasts.B1"), 36);
  }

  @Test
  void shorterForecastsAreTheDaysFirstHours() {
    List<Float> day = given().queryParam("from", FROM).when().get("/forecasts/B1")
        .then().statusCode(200).extract().jsonPath().getList("forecasts.B1.heat_kw");
    for (int hours : new int[] {1, 3}) {
      JsonPath json = given().queryParam("from", FROM).queryParam("hours", hours)
          .when().get("/forecasts")
          .then().statusCode(200).body("horizon_steps", equalTo(hours))
          .extract().jsonPath();
      checkHourly(json.getList("forecasts.B2"), hours);
      assertThat(json.<Float>getList("forecasts.B1.heat_kw")).isEqualTo(day.subList(0, hours));
    }
  }

  @Test
  void acceptsLocalTimesAndTheStepAfterTheData() {
    given().queryParam("from", "2024-04-15T00:00")
        .when().get("/forecasts")
        .then().statusCode(200).body("issued_at", equalTo(ISSUE.toString()));
    Instant afterEnd = SyntheticSite.START.plus(Duration.ofDays(SyntheticSite.DAYS));
    given().queryParam("from", afterEnd.toString())
        .when().get("/forecasts")
        .then().statusCode(200).body("forecasts.B1.size()", equalTo(24));
  }

  @Test
  void describesTheServedModel() {
    given().when().get("/model")
        .then().statusCode(200)
        .body("version", equalTo("v0001"))
        .body("spec.buildings", equalTo(SyntheticSite.BUILDINGS))
        .body("spec.step_minutes", equalTo(60))
        .body("trained_until", equalTo(SyntheticSite.START.plus(Duration.ofDays(SyntheticSite.TRAIN_DAYS)).toString()))
        .body("data_sha256.length()", equalTo(64));
  }

  @Test
  void reloadsTheCurrentVersion() {
    given().when().post("/model/reload")
        .then().statusCode(200).body("version", equalTo("v0001"));
  }

  private static void checkHourly(List<Map<String, Object>> points, int steps) {
    assertThat(points).hasSize(steps);
    for (int k = 0; k < steps; k++) {
      Map<String, Object> p = points.get(k);
      assertThat(p.get("time")).isEqualTo(ISSUE.plus(Duration.ofHours(k)).toString());
      double kw = ((Number) p.get("heat_kw")).doubleValue();
      assertThat(kw).isFinite().isGreaterThanOrEqualTo(0);
    }
  }

  private static double mean(List<Map<String, Object>> points) {
    return points.stream().mapToDouble(p -> ((Number) p.get("heat_kw")).doubleValue()).average().orElseThrow();
  }
}
