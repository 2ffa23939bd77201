package org.heatgrid.forecast.service;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.problem.Problem;

/**
 * Anything else is a bug or an environment failure: logged here with its stack trace and an id,
 * answered as a 500 problem carrying only that id, so nothing internal leaks to the client and the
 * operator can still find the log entry.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(Exception e) {
    String id = UUID.randomUUID().toString();
    String path = "/" + uri.getPath().replaceFirst("^/", "");
    LOG.log(Level.SEVERE, String.format("unexpected error %s on %s", id, path), e);
    return Problems.response(new Problem(Problem.INTERNAL, "Internal error", 500,
        "the service failed to answer; the log has the cause under error id " + id, path, null));
  }
}
