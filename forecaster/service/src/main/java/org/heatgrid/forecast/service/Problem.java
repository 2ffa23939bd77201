package org.heatgrid.forecast.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code type} is a URN per kind of problem, so clients can
 * switch on it without it pretending to be a dereferenceable page; {@code field} is our extension
 * naming the request parameter at fault.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(description = "Kind of problem", examples = "urn:heatgrid:problem:bad-parameter") String type,
    @Schema(description = "Short summary of the kind", examples = "Bad request parameter") String title,
    @Schema(description = "HTTP status", examples = "400") int status,
    @Schema(description = "What went wrong with this request") String detail,
    @Schema(description = "Request path") String instance,
    @Schema(description = "Request parameter at fault, when one is", examples = "from") String field) {

  /** RFC 9457's media type. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public static final String BAD_PARAMETER = "urn:heatgrid:problem:bad-parameter";
  public static final String MODEL_UNAVAILABLE = "urn:heatgrid:problem:model-unavailable";
  public static final String RELOAD_FAILED = "urn:heatgrid:problem:reload-failed";
  public static final String INTERNAL = "urn:heatgrid:problem:internal-error";

  /** Generic kinds (404, 405, 406, ...) use RFC 9457's "about:blank": the status says it all. */
  public static final String BLANK = "about:blank";

  Response toResponse() {
    return builder().build();
  }

  Response.ResponseBuilder builder() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
  }
}
