package org.heatgrid.sim.plant;

import java.util.SplittableRandom;

/**
 * The random part of a building's use: a day factor and an hour factor on internal gains, and a
 * factor on each hot-water draw. Draws depend only on time, never on what a controller did, so
 * every controller meets the same trace for a seed.
 */
final class Disturbances {

  private final SplittableRandom random;
  private long day = Long.MIN_VALUE;
  private long hour = Long.MIN_VALUE;
  private double dayFactor = 1;
  private double hourFactor = 1;

  Disturbances(SplittableRandom random) {
    this.random = random;
  }

  /** Internal-gain multiplier for the hour starting at epoch hour {@code epochHour}. */
  double gainFactor(long epochHour) {
    if (epochHour != hour) {
      long d = Math.floorDiv(epochHour, 24);
      if (d != day) {
        day = d;
        dayFactor = lognormal(0.15);
      }
      hour = epochHour;
      hourFactor = Math.min(1.5, Math.max(0.5, 1 + 0.1 * gaussian()));
    }
    return dayFactor * hourFactor;
  }

  /** Multiplier on one hot-water draw interval, mean 1. */
  double drawFactor() {
    return lognormal(0.4);
  }

  private double lognormal(double sigma) {
    return Math.exp(sigma * gaussian() - sigma * sigma / 2);
  }

  private double gaussian() {
    return random.nextGaussian();
  }
}
