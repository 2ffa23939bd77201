package org.heatgrid.forecast.service;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.heatgrid.problem.Problem;

/** A bad parameter becomes a 400 (or 404) problem naming the parameter, and is counted. */
@Provider
public class BadParameterMapper implements ExceptionMapper<BadParameterException> {

  @Context
  UriInfo uri;

  private final ForecastMetrics metrics;

  public BadParameterMapper(ForecastMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Response toResponse(BadParameterException e) {
    metrics.countRejected(e.field());
    String title = e.status() == 404 ? "Not found" : "Bad request parameter";
    return Problems.response(new Problem(Problem.BAD_REQUEST, title, e.status(), e.getMessage(),
        "/" + uri.getPath().replaceFirst("^/", ""), e.field()));
  }
}
