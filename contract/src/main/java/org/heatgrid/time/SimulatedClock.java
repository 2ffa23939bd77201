package org.heatgrid.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time: starts at a given instant and runs {@code speed} times faster than the wall
 * clock. A clock made {@link #held} stays at its start until {@link #release()}, so that a broker,
 * gateways and a control loop can connect and exchange their first messages before any simulated
 * time passes; one made {@link #running} starts at once. Thread-safe.
 */
public final class SimulatedClock extends Clock {

  private final Instant start;
  private final double speed;
  private volatile long releasedNanos = -1;

  private SimulatedClock(Instant start, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number: " + speed);
    }
    this.start = java.util.Objects.requireNonNull(start, "start");
    this.speed = speed;
  }

  /** A clock that runs from now on. */
  public static SimulatedClock running(Instant start, double speed) {
    SimulatedClock c = new SimulatedClock(start, speed);
    c.release();
    return c;
  }

  /** A clock that stays at {@code start} until {@link #release()}. */
  public static SimulatedClock held(Instant start, double speed) {
    return new SimulatedClock(start, speed);
  }

  /** Lets time run from now on. Idempotent. */
  public synchronized void release() {
    if (releasedNanos < 0) {
      releasedNanos = System.nanoTime();
    }
  }

  /** Simulated seconds per wall-clock second. */
  public double speed() {
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
    throw new UnsupportedOperationException("SimulatedClock runs in UTC");
  }
}
