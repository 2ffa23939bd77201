package org.heatgrid.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body, as every heatgrid HTTP service answers an error. {@code type}
 * is a URN per kind of problem (one list for all services, below), so clients can switch on it
 * without it pretending to be a page; generic kinds (404, 405, 406, ...) use {@link #BLANK}, where
 * the status says it all. {@code field} (our extension) names the request field or parameter at
 * fault, as a JSON path of the body ({@code supply_setpoint_c}) or the parameter's name.
 *
 * @param type kind of problem: one of the constants below
 * @param title short summary of the kind
 * @param status HTTP status
 * @param detail what went wrong with this request
 * @param instance request path
 * @param field request field or parameter at fault; {@code null} when none is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
    String field) {

  /** RFC 9457's media type. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** RFC 9457's type for a problem the HTTP status describes. */
  public static final String BLANK = "about:blank";
  /** A request field or parameter is missing, malformed or out of range. */
  public static final String BAD_REQUEST = "urn:heatgrid:problem:bad-request";
  /** The resource (a building, a model) does not exist. */
  public static final String NOT_FOUND = "urn:heatgrid:problem:not-found";
  /** The forecast service has no model to serve. */
  public static final String MODEL_UNAVAILABLE = "urn:heatgrid:problem:model-unavailable";
  /** The forecast service could not reload its model; the previous one is still served. */
  public static final String RELOAD_FAILED = "urn:heatgrid:problem:reload-failed";
  /** The control service refused a model bundle (corrupt, of another site, or not learnable); the running controller stays. */
  public static final String BUNDLE_REFUSED = "urn:heatgrid:problem:bundle-refused";
  /** A fault of the service, not of the request. */
  public static final String INTERNAL = "urn:heatgrid:problem:internal-error";
}
