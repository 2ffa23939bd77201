package org.heatgrid.forecast.service;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.heatgrid.problem.Problem;

/** A failed reload: 500, the detail saying why and which model (if any) is still served. */
@Provider
public class ReloadFailedMapper implements ExceptionMapper<ReloadFailedException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ReloadFailedException e) {
    return Problems.response(new Problem(Problem.RELOAD_FAILED, "Model reload failed", 500, e.getMessage(),
        "/" + uri.getPath().replaceFirst("^/", ""), null));
  }
}
