package org.heatgrid.control.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body; {@code field} (our extension) names the request field at fault
 * as a JSON path of the body ({@code supply_setpoint_c}) or the parameter's name.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(examples = "urn:heatgrid:problem:bad-request") String type,
    @Schema(examples = "Bad request") String title,
    @Schema(examples = "400") int status,
    String detail,
    String instance,
    @Schema(description = "Request field at fault, when one is", examples = "supply_setpoint_c") String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String BAD_REQUEST = "urn:heatgrid:problem:bad-request";
  public static final String NOT_FOUND = "urn:heatgrid:problem:not-found";
  public static final String INTERNAL = "urn:heatgrid:problem:internal-error";

  Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
