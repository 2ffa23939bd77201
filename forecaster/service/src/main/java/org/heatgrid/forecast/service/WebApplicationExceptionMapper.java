package org.heatgrid.forecast.service;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.heatgrid.problem.Problem;

/**
 * The framework's own HTTP errors (404 unknown path, 405, 406, 415, ...) as problem details, so
 * every error of the API has one shape. The detail is written here rather than taken from the
 * exception, whose message is the framework's and could change or say too much.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String path = "/" + uri.getPath().replaceFirst("^/", "");
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type != null ? type.getReasonPhrase() : original.getStatusInfo().getReasonPhrase();
    String detail = switch (status) {
      case 404 -> "there is nothing at " + path + "; see /q/openapi for the API";
      case 405 -> "this method is not allowed on " + path;
      case 406 -> "the service answers application/json only";
      default -> title;
    };
    Response.ResponseBuilder r = Problems.builder(new Problem(Problem.BLANK, title, status, detail, path, null));
    // Keep what the status promises, e.g. 405's Allow header.
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      r.header(HttpHeaders.ALLOW, allow);
    }
    return r.build();
  }
}
