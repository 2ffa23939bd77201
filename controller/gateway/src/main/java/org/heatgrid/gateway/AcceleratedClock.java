package org.heatgrid.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at a given instant and runs {@code speed} times faster than the wall clock,
 * for running a gateway in simulated time.
 */
public final class AcceleratedClock extends Clock {

  private final Instant start;
  private final double speed;
  private final long startNanos;

  public AcceleratedClock(Instant start, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number: " + speed);
    }
    this.start = start;
    this.speed = speed;
    this.startNanos = System.nanoTime();
  }

  public double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    double elapsedNanos = (System.nanoTime() - startNanos) * speed;
    return start.plusNanos((long) elapsedNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("AcceleratedClock runs in UTC");
  }
}
