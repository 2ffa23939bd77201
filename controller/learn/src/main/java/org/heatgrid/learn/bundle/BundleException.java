package org.heatgrid.learn.bundle;

/** A bundle that cannot be stored, found or trusted; the message names the bundle and the reason. */
public final class BundleException extends RuntimeException {

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
