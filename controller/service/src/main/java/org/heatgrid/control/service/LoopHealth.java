package org.heatgrid.control.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Liveness: the loop ticked recently. Readiness: connected to the broker. */
public final class LoopHealth {

  private LoopHealth() {}

  @Liveness
  @ApplicationScoped
  public static class Ticking implements HealthCheck {
    private final ControlService service;

    public Ticking(ControlService service) {
      this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
      double since = service.runtime().secondsSinceTick();
      double limit = Math.max(30, 10 * service.config().loop().tick().toMillis() / 1000.0);
      return HealthCheckResponse.named("control-loop").status(since < limit)
          .withData("seconds_since_tick", (long) since).build();
    }
  }

  @Readiness
  @ApplicationScoped
  public static class Broker implements HealthCheck {
    private final ControlService service;

    public Broker(ControlService service) {
      this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
      return HealthCheckResponse.named("mqtt").status(service.runtime().mqtt().isConnected())
          .withData("uri", service.config().mqtt().uri()).build();
    }
  }
}
