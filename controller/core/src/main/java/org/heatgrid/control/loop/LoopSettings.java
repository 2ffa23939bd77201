package org.heatgrid.control.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the control loop, frozen when it is built.
 *
 * @param step control period; periods start at multiples of it since the epoch
 * @param validity how long a setpoint is valid after it is issued (the contract asks two periods)
 * @param telemetryMaxAge telemetry whose period ended longer ago than this is left out of the
 *     observation
 * @param firstSeq the first setpoint seq of every building; it must lie above every seq published
 *     before (a restarted service passes, e.g., the wall-clock milliseconds at start)
 */
public record LoopSettings(Duration step, Duration validity, Duration telemetryMaxAge, long firstSeq) {

  public LoopSettings {
    positive("step", step);
    positive("validity", validity);
    positive("telemetryMaxAge", telemetryMaxAge);
    if (firstSeq < 0) {
      throw new IllegalArgumentException("firstSeq must be >= 0: " + firstSeq);
    }
  }

  /** The contract's defaults for a period: validity and telemetry age two periods. */
  public static LoopSettings of(Duration step, long firstSeq) {
    return new LoopSettings(step, step.multipliedBy(2), step.multipliedBy(2), firstSeq);
  }

  private static void positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }
}
