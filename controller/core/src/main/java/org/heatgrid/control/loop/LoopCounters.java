package org.heatgrid.control.loop;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the loop has done since it was built. Thread-safe; each counter is read on its own (not a
 * consistent snapshot of all).
 */
public final class LoopCounters {

  final AtomicLong periods = new AtomicLong();
  final AtomicLong controllerFailures = new AtomicLong();
  final AtomicLong curveCommands = new AtomicLong();
  final AtomicLong published = new AtomicLong();
  final AtomicLong refreshes = new AtomicLong();
  final AtomicLong publishFailures = new AtomicLong();
  final AtomicLong recorderFailures = new AtomicLong();
  final AtomicLong weatherFailures = new AtomicLong();

  /** Control periods run. */
  public long periods() {
    return periods.get();
  }

  /** Periods in which the controller threw; the heating curve steered every building then. */
  public long controllerFailures() {
    return controllerFailures.get();
  }

  /** Building-periods steered by the heating curve instead of the controller (any cause). */
  public long curveCommands() {
    return curveCommands.get();
  }

  /** Setpoints handed to the outbox without error. */
  public long published() {
    return published.get();
  }

  /** Setpoints published between periods because an operator changed something or an override expired. */
  public long refreshes() {
    return refreshes.get();
  }

  /** Setpoints the outbox refused. */
  public long publishFailures() {
    return publishFailures.get();
  }

  /** Recorder calls that threw. */
  public long recorderFailures() {
    return recorderFailures.get();
  }

  /** Periods without a weather forecast (planned with a flat one). */
  public long weatherFailures() {
    return weatherFailures.get();
  }
}
