package org.heatgrid.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The run's simulated time: held at {@code start} until {@link #release()}, then running
 * {@code speed} times faster than the wall clock. Holding it lets the broker, the gateways and the
 * loop connect and exchange the first setpoints before any simulated time passes.
 */
final class SimClock extends Clock {

  private final Instant start;
  private final double speed;
  private volatile long releasedNanos = -1;

  SimClock(Instant start, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number: " + speed);
    }
    this.start = start;
    this.speed = speed;
  }

  /** Lets time run from now on. Idempotent. */
  synchronized void release() {
    if (releasedNanos < 0) {
      releasedNanos = System.nanoTime();
    }
  }

  double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    long r = releasedNanos;
    return r < 0 ? start : start.plusNanos((long) ((System.nanoTime() - r) * speed));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("SimClock runs in UTC");
  }
}
