package org.heatgrid.forecast.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.heatgrid.problem.Problem;
import org.junit.jupiter.api.Test;

/** Every refused request answers RFC 9457 problem details naming the parameter at fault. */
@QuarkusTest
@WithTestResource(SyntheticSiteResource.class)
class ProblemDetailsTest {

  private static ValidatableResponse problem(RequestSpecification request, String path, int status) {
    return request.when().get(path)
        .then().statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("title", not(equalTo(null)))
        .body("type", not(equalTo(null)))
        .body("detail", not(equalTo(null)))
        .body("detail", not(containsString("Exception")))
        .body("instance", equalTo(path));
  }

  private static ValidatableResponse badParameter(RequestSpecification request, String field) {
    return problem(request, "/forecasts", 400)
        .body("type", equalTo(Problem.BAD_REQUEST))
        .body("field", equalTo(field));
  }

  @Test
  void missingFrom() {
    badParameter(given(), "from").body("detail", containsString("required"));
  }

  @Test
  void unparsableFrom() {
    badParameter(given().queryParam("from", "next tuesday"), "from")
        .body("detail", containsString("ISO-8601"));
  }

  @Test
  void fromOffTheGrid() {
    badParameter(given().queryParam("from", "2024-04-15T00:30+09:00"), "from")
        .body("detail", containsString("grid"));
  }

  @Test
  void fromWithoutEnoughHistory() {
    badParameter(given().queryParam("from", "2024-01-05T00:00+09:00"), "from")
        .body("detail", containsString("8 days"));
  }

  @Test
  void fromAfterTheData() {
    badParameter(given().queryParam("from", "2024-06-01T00:00+09:00"), "from")
        .body("detail", containsString("after the data"));
  }

  @Test
  void unknownBuilding() {
    badParameter(given().queryParam("from", "2024-04-15T00:00+09:00").queryParam("building", "B9"),
        "building").body("detail", containsString("B9"));
  }

  @Test
  void unknownBuildingInThePathIsNotFound() {
    problem(given().queryParam("from", "2024-04-15T00:00+09:00"), "/forecasts/B9", 404)
        .body("field", equalTo("building"));
  }

  @Test
  void hoursOutOfRangeOrNotANumber() {
    for (String hours : new String[] {"0", "49", "-3", "twelve", "1.5"}) {
      badParameter(given().queryParam("from", "2024-04-15T00:00+09:00").queryParam("hours", hours),
          "hours").body("detail", containsString("48"));
    }
  }

  @Test
  void unknownPathIsNotFound() {
    problem(given(), "/nothing/here", 404);
    problem(given(), "/forecasts/B1/more", 404);
  }

  @Test
  void wrongMethodIsNotAllowed() {
    given().when().delete("/model")
        .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
  }
}
