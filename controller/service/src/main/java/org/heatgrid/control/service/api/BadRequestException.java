package org.heatgrid.control.service.api;

/** A request the API refuses: 400 (or 404 for an unknown building) naming the field at fault. */
public final class BadRequestException extends RuntimeException {

  private final String field;
  private final int status;

  public BadRequestException(String field, String message) {
    this(field, message, 400);
  }

  public BadRequestException(String field, String message, int status) {
    super(message);
    this.field = field;
    this.status = status;
  }

  public String field() {
    return field;
  }

  public int status() {
    return status;
  }
}
