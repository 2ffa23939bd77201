package org.heatgrid.forecast.service;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The service's settings, {@code heatgrid.forecast.*}; defaults in {@code application.properties},
 * each overridable by a system property or an environment variable
 * ({@code HEATGRID_FORECAST_MODEL}, ...). Read once at start-up: changing a file path means a
 * restart, so every answer of one process comes from the same model store and data file.
 */
@ConfigMapping(prefix = "heatgrid.forecast")
public interface ForecastConfig {

  /** Model store folder (versions v0001, ... and CURRENT), or one version folder. */
  Path model();

  /** Version to serve, e.g. {@code v0002}; absent: the store's CURRENT one, re-read on reload. */
  Optional<String> version();

  /** Meter CSV (or .csv.gz) holding at least the 8 days before any issue time asked for. */
  Path data();

  /** Site time zone: calendar features and local times given without an offset. */
  ZoneId zone();

  /** Upper bound of the {@code hours} parameter; longer forecasts repeat the trained day's shape. */
  @Min(1)
  @Max(24 * 14)
  int maxHorizonHours();
}
