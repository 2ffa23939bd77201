package org.heatgrid.control.baseline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The outdoor temperature a heating controller reacts to: per building, the sensor's reading
 * through a first-order filter, as commercial heating controllers damp it (the building's mass
 * does not follow every gust). Not thread-safe; one per controller.
 */
final class DampedOutdoor {

  private final double hours;
  private final Map<String, Double> dampedC = new HashMap<>();

  /** @param hours the filter's time constant; 0: no damping */
  DampedOutdoor(double hours) {
    this.hours = hours;
  }

  /** Feeds one step's reading of building {@code id} and returns the damped value. */
  double update(String id, double outdoorC, Duration step) {
    double alpha = hours <= 0 ? 1 : 1 - Math.exp(-step.toSeconds() / 3600.0 / hours);
    return dampedC.merge(id, outdoorC, (old, now) -> old + alpha * (now - old));
  }

  void clear() {
    dampedC.clear();
  }
}
