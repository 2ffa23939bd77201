package org.heatgrid.forecast.service;

/** A reload that could not load the model or the data; the detail says what is served now. */
public final class ReloadFailedException extends RuntimeException {

  public ReloadFailedException(String detail) {
    super(detail, null, false, false);
  }
}
