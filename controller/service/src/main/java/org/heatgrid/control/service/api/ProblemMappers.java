package org.heatgrid.control.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.heatgrid.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the API as problem details: refused requests (400 naming the field, 404 for an
 * unknown building), unreadable JSON bodies (400 naming the field whose value has the wrong type,
 * or the unknown field), the framework's own errors, and anything unexpected (500 with an id
 * that the log carries).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  @ServerExceptionMapper
  public Response badRequest(BadRequestException e, UriInfo uri) {
    String title = e.status() == 404 ? "Not found" : "Bad request";
    String type = e.status() == 404 ? Problem.NOT_FOUND : Problem.BAD_REQUEST;
    return response(new Problem(type, title, e.status(), e.getMessage(), path(uri), e.field()));
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    String field = null;
    String detail;
    if (e instanceof UnrecognizedPropertyException u) {
      field = u.getPropertyName();
      detail = "unknown field '" + field + "'; known: " + u.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
    } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
          : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
      detail = "field '" + field + "' has a value of the wrong type or format: "
          + e.getOriginalMessage().split("\n")[0];
    } else {
      detail = "the body is not valid JSON: " + e.getOriginalMessage().split("\n")[0];
    }
    return response(new Problem(Problem.BAD_REQUEST, "Bad request", 400, detail, path(uri), field));
  }

  @ServerExceptionMapper
  public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e,
      UriInfo uri) {
    return unreadableJson(e, uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException j) {
      return unreadableJson(j, uri);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
    String detail = switch (status) {
      case 404 -> "there is nothing at " + path(uri) + "; see /q/openapi for the API";
      case 405 -> "this method is not allowed on " + path(uri);
      case 415 -> "send application/json";
      default -> title;
    };
    return response(new Problem(Problem.BLANK, title, status, detail, path(uri), null));
  }

  @ServerExceptionMapper
  public Response unexpected(IllegalStateException e, UriInfo uri) {
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, String.format("unexpected error %s on %s", id, path(uri)), e);
    return response(new Problem(Problem.INTERNAL, "Internal error", 500,
        "the service failed to answer; the log has the cause under error id " + id, path(uri),
            null));
  }

  /** The problem as a response with RFC 9457's media type. */
  static Response response(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
  }

  private static String path(UriInfo uri) {
    return "/" + uri.getPath().replaceFirst("^/", "");
  }
}
