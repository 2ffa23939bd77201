package org.heatgrid.forecast.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive whenever it can answer: a missing model is a readiness matter (restarting would not bring
 * the files back), so liveness never depends on it.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("service");
  }
}
