package org.heatgrid.forecast.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a model and its data are loaded; DOWN with the load failure otherwise. */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

  private final ModelHolder models;

  public ModelReadiness(ModelHolder models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder r = HealthCheckResponse.named("model");
    return models.served().map(m -> r.up()
        .withData("version", m.version())
        .withData("buildings", String.join(",", m.buildings()))
        .withData("data_steps", m.data().length())
        .withData("data_end", m.time(m.data().length()).toString()))
        .orElseGet(() -> r.down().withData("reason", String.valueOf(models.failure())))
        .build();
  }
}
