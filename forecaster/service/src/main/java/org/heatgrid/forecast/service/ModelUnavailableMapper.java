package org.heatgrid.forecast.service;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.heatgrid.problem.Problem;

/**
 * No model served: 503 with the load failure as the detail. The reason names files, not code,
 * and is what an operator needs to fix the store; readiness reports the same text.
 */
@Provider
public class ModelUnavailableMapper implements ExceptionMapper<ModelUnavailableException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ModelUnavailableException e) {
    return Problems.response(new Problem(Problem.MODEL_UNAVAILABLE, "No model is served", 503, e.getMessage(),
        "/" + uri.getPath().replaceFirst("^/", ""), null));
  }
}
