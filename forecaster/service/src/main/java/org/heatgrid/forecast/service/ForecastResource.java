package org.heatgrid.forecast.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.heatgrid.problem.Problem;

/**
 * Heat-demand forecasts from an issue time. Parameters arrive as strings and are checked in
 * {@link ForecastRequest}: JAX-RS would answer an unparsable {@code hours} with a bare 404, where
 * the client needs a 400 naming the parameter.
 */
@Path("/forecasts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "forecasts", description = "Heat-demand forecasts of the served model")
public class ForecastResource {

  private static final String FROM_DOC = "Issue time, the start of the first forecast step: ISO-8601 "
      + "with an offset (2024-04-15T00:00+09:00, 2024-04-14T15:00Z) or local to the configured zone "
      + "(2024-04-15T00:00). Must lie on the data's grid, with 8 days of data before it, and at most "
      + "one step after the data's last step.";
  private static final String HOURS_DOC = "Hours to forecast, 1 to heatgrid.forecast.max-horizon-hours "
      + "(default 48); default the model's horizon (24 h). Beyond the model's horizon the forecast "
      + "repeats its last day's shape.";

  private final ModelHolder models;
  private final ForecastConfig config;
  private final ForecastMetrics metrics;

  public ForecastResource(ModelHolder models, ForecastConfig config, ForecastMetrics metrics) {
    this.models = models;
    this.config = config;
    this.metrics = metrics;
  }

  @GET
  @Operation(summary = "Forecast every building, or one", description = "Forecasts from one batched "
      + "network call on the in-memory data; the weather of the forecast steps is read from the data "
      + "file (imputed beyond its end).")
  @APIResponse(responseCode = "200", description = "The forecasts",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ForecastResponse.class)))
  @APIResponse(responseCode = "400", description = "A parameter is missing or unusable; field names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "No model is loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ForecastResponse forecasts(
      @Parameter(description = FROM_DOC, required = true, example = "2024-04-15T00:00+09:00")
      @QueryParam("from") String from,
      @Parameter(description = "Building id; default every building the model and the data have",
          example = "B1")
      @QueryParam("building") String building,
      @Parameter(description = HOURS_DOC, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
      @QueryParam("hours") String hours) {
    return metrics.timeForecast(() -> forecast(from, building, hours, false));
  }

  @GET
  @Path("/{building}")
  @Operation(summary = "Forecast one building", description = "As GET /forecasts?building=ID.")
  @APIResponse(responseCode = "200", description = "The forecast",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ForecastResponse.class)))
  @APIResponse(responseCode = "400", description = "A parameter is missing or unusable; field names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such building is served",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "No model is loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ForecastResponse forecast(
      @Parameter(description = "Building id", example = "B1") @PathParam("building") String building,
      @Parameter(description = FROM_DOC, required = true, example = "2024-04-15T00:00+09:00")
      @QueryParam("from") String from,
      @Parameter(description = HOURS_DOC, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
      @QueryParam("hours") String hours) {
    return metrics.timeForecast(() -> forecast(from, building, hours, true));
  }

  private ForecastResponse forecast(String from, String building, String hours, boolean inPath) {
    ServedModel m = models.current();
    // A path naming no building is a resource that does not exist: 404, not 400.
    if (inPath && m.data().buildingIndex(building) < 0) {
      throw new BadParameterException(ForecastRequest.BUILDING, "unknown building \"" + building
          + "\"; the served buildings are " + m.buildings(), 404);
    }
    ForecastRequest r = ForecastRequest.check(m, config.zone(), config.maxHorizonHours(), from,
        building, hours);
    return ForecastResponse.of(m, r, m.forecast(r.issue(), r.steps(), r.building(), config.zone()));
  }
}
