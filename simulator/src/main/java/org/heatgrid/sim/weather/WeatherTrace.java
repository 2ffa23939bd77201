package org.heatgrid.sim.weather;

import java.time.LocalDateTime;

/**
 * The true weather at a time, in the local standard time of the site (no daylight saving), as the
 * building models and the forecast generator read it. Implementations are called millions of times
 * per simulated season, so they should not allocate.
 */
public interface WeatherTrace {

  /** Outdoor dry-bulb temperature at {@code t}, C. */
  double outdoorC(LocalDateTime t);

  /** Global horizontal irradiance at {@code t}, W/m2 (mean over the hour containing {@code t}). */
  double ghiWm2(LocalDateTime t);
}
