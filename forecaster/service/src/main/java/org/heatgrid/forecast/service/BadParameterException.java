package org.heatgrid.forecast.service;

/**
 * A request parameter the service cannot use. Carries the parameter's name so the 400 answer can
 * point the client at it ({@code "field": "from"}); the message is the human-readable detail.
 */
public final class BadParameterException extends RuntimeException {

  private final String field;
  private final int status;

  /** A 400: the parameter's value is unusable. */
  public BadParameterException(String field, String detail) {
    this(field, detail, 400);
  }

  /** @param status 400, or 404 when the parameter is a path segment naming nothing that exists */
  public BadParameterException(String field, String detail, int status) {
    // No stack trace: this is a client error, raised often, and never logged as a failure.
    super(detail, null, false, false);
    this.field = field;
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
