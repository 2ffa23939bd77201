package org.heatgrid.forecast.service;

import jakarta.ws.rs.core.Response;
import org.heatgrid.problem.Problem;

/** A problem body as a JAX-RS response with RFC 9457's media type. */
final class Problems {

  private Problems() {}

  static Response response(Problem p) {
    return builder(p).build();
  }

  static Response.ResponseBuilder builder(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
  }
}
