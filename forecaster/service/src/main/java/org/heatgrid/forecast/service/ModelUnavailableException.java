package org.heatgrid.forecast.service;

/** No model (or no data) is loaded, so the service cannot forecast; answered with 503. */
public final class ModelUnavailableException extends RuntimeException {

  public ModelUnavailableException(String reason) {
    super(reason, null, false, false);
  }
}
