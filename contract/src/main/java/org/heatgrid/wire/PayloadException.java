package org.heatgrid.wire;

/**
 * A payload that cannot be read or written: names the payload kind, the field (a JSON path such
 * as {@code $.seq}, {@code $} for the whole document) and the reason.
 */
public final class PayloadException extends RuntimeException {

  private final String field;
  private final String reason;

  public PayloadException(String kind, String field, String reason) {
    super(kind + " payload, field " + field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** JSON path of the offending field, {@code $} for the whole document. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
