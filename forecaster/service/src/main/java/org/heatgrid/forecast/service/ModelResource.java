package org.heatgrid.forecast.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.heatgrid.forecast.store.ModelInfo;
import org.heatgrid.problem.Problem;

/** The served model's description (its model.json), and reloading it after a new training run. */
@Path("/model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "model", description = "The served model")
public class ModelResource {

  private final ModelHolder models;

  public ModelResource(ModelHolder models) {
    this.models = models;
  }

  @GET
  @Operation(summary = "The served model", description = "Its model.json: version, feature "
      + "specification (grid, horizon, buildings), scaling, training period and figures.")
  @APIResponse(responseCode = "200", description = "The model's description",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ModelInfo.class)))
  @APIResponse(responseCode = "503", description = "No model is loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ModelInfo model() {
    return models.current().model().info();
  }

  @POST
  @Path("/reload")
  @Operation(summary = "Reload the model and the data", description = "Reads the configured version "
      + "(or the store's CURRENT one, which `heatgrid forecast train` moves) and the data file again. "
      + "On failure the previous model stays served.")
  @APIResponse(responseCode = "200", description = "The model now served",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ModelInfo.class)))
  @APIResponse(responseCode = "500", description = "The reload failed; detail says what is served",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ModelInfo reload() {
    return models.reload().model().info();
  }
}
