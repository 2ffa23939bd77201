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

  /** Where time was at wall-clock {@code nanos} and how fast it runs from there, up to {@code limit}. */
  private record Anchor(Instant at, long nanos, double speed, Instant limit) {}

  private volatile Anchor anchor;
  private volatile boolean released;

  private SimulatedClock(Instant start, double speed) {
    requireSpeed(speed);
    this.anchor = new Anchor(java.util.Objects.requireNonNull(start, "start"), 0, speed, null);
  }

  private static void requireSpeed(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number: " + speed);
    }
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
    if (!released) {
      Anchor a = anchor;
      anchor = new Anchor(a.at(), System.nanoTime(), a.speed(), a.limit());
      released = true;
    }
  }

  /**
   * Runs {@code speed} times faster than the wall clock from now on, without a jump in time (a
   * simulated site's commissioning period faster than its evaluation).
   */
  public synchronized void setSpeed(double speed) {
    requireSpeed(speed);
    Anchor a = anchor;
    long now = System.nanoTime();
    anchor = new Anchor(instant(a, now), now, speed, a.limit());
  }

  /**
   * Time stops at {@code limit} (when it gets there) until {@link #clearLimit}: work that must
   * happen at a simulated instant (learning a bundle) takes no simulated time.
   */
  public synchronized void stopAt(Instant limit) {
    Anchor a = anchor;
    long now = System.nanoTime();
    anchor = new Anchor(instant(a, now), now, a.speed(), limit);
  }

  /** Lets time run on past the limit set by {@link #stopAt}. */
  public synchronized void clearLimit() {
    Anchor a = anchor;
    long now = System.nanoTime();
    anchor = new Anchor(instant(a, now), now, a.speed(), null);
  }

  /** Simulated seconds per wall-clock second. */
  public double speed() {
    return anchor.speed();
  }

  @Override
  public Instant instant() {
    return instant(anchor, System.nanoTime());
  }

  private Instant instant(Anchor a, long nowNanos) {
    if (!released) {
      return a.at();
    }
    Instant t = a.at().plusNanos((long) ((nowNanos - a.nanos()) * a.speed()));
    return a.limit() != null && t.isAfter(a.limit()) ? (a.at().isAfter(a.limit()) ? a.at() : a.limit()) : t;
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
