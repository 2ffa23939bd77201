package org.heatgrid.probe;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check for images without a shell or curl: exits 0 when the URL answers
 * HTTP 200 within 3 s, 1 otherwise (and prints why), as a compose {@code healthcheck} expects.
 *
 * <pre>java -cp /opt/heatgrid/probe/classes org.heatgrid.probe.HealthProbe http://127.0.0.1:8080/q/health/ready</pre>
 */
public final class HealthProbe {

  private HealthProbe() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: HealthProbe URL");
      System.exit(2);
    }
    int status = status(args[0]);
    if (status != 200) {
      System.err.println("health: " + args[0] + " answered " + (status < 0 ? "nothing" : status));
    }
    System.exit(status == 200 ? 0 : 1);
  }

  /** The HTTP status of a GET of {@code url}, or -1 if none came. */
  static int status(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(3000);
      c.setReadTimeout(3000);
      try {
        return c.getResponseCode();
      } finally {
        c.disconnect();
      }
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
  }
}
