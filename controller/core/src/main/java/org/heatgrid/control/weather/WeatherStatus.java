package org.heatgrid.control.weather;

import java.util.Optional;

/**
 * What a polled weather source has done since it was built, read-only, for metrics and status
 * pages. Each figure is read on its own (not a consistent snapshot of all); safe from any thread.
 */
public interface WeatherStatus {

  /** Fetches tried, good or not. */
  long fetches();

  /** Fetches that gave no usable forecast (no answer, HTTP error, bad response). */
  long failures();

  /** Why the last failed fetch failed, naming the place and the reason; empty before any failure. */
  Optional<String> lastFailure();

  /** Forecasts asked for that were answered with the persistence fallback. */
  long stalePeriods();

  /**
   * Whether the source is stale now: it has no forecast, the one it has is older than its maximum
   * age, or the last answer was the fallback.
   */
  boolean stale();

  /** Seconds since the forecast held was fetched (by the source's clock); NaN when none. */
  double ageSeconds();
}
