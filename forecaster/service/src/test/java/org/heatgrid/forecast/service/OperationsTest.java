package org.heatgrid.forecast.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description. */
@QuarkusTest
@WithTestResource(SyntheticSiteResource.class)
class OperationsTest {

  @Test
  void readyWithTheModelLoaded() {
    given().when().get("/q/health/ready")
        .then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("model"))
        .body("checks.find { it.name == 'model' }.data.version", equalTo("v0001"));
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsTimeForecastsAndCountRejections() {
    given().queryParam("from", "2024-04-15T00:00+09:00").when().get("/forecasts").then().statusCode(200);
    given().queryParam("hours", "0").when().get("/forecasts").then().statusCode(400);
    given().when().get("/q/metrics")
        .then().statusCode(200)
        .body(containsString("heatgrid_forecast_requests_seconds_count{outcome=\"ok\"}"))
        .body(containsString("heatgrid_forecast_rejected_total{field=\"from\"}"));
  }

  @Test
  void openApiDocumentsTheEndpoints() {
    given().accept("application/json").when().get("/q/openapi")
        .then().statusCode(200)
        .body("paths", hasKey("/forecasts"))
        .body("paths", hasKey("/forecasts/{building}"))
        .body("paths", hasKey("/model"))
        .body("paths.'/forecasts'.get.responses", hasKey("400"))
        .body("components.schemas.Forecasts.properties", hasKey("model_version"));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }
}
