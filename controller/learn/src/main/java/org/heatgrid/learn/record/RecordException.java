package org.heatgrid.learn.record;

/** A site record that cannot be read or learnt from: the message names the place and the reason. */
public final class RecordException extends RuntimeException {

  public RecordException(String message) {
    super(message);
  }

  public RecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
