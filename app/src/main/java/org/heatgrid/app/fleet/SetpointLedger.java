package org.heatgrid.app.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.heatgrid.wire.SetpointMessage;

/**
 * What one gateway applied, on the gateway's own (simulated) clock: for every controller setpoint
 * it accepted, when it applied it, when it was issued and until when it was valid. From this the
 * bench tells, for every control period, whether the building held a valid controller setpoint
 * all through it, independently of the gateway's tick (a gateway that applies a new setpoint after
 * the old one expired but before its next tick never counts a fallback; the ledger still sees the
 * gap). Written by the gateway's loop thread, read at the end.
 */
final class SetpointLedger {

  private long[] seq = new long[256];
  private long[] appliedMs = new long[256];
  private long[] issuedMs = new long[256];
  private long[] validUntilMs = new long[256];
  private int size;
  private long lastSeq = -1;

  /** A controller setpoint the gateway applied at {@code now}; a seq seen before is ignored. */
  synchronized void applied(SetpointMessage m, Instant now) {
    if (m.seq() == lastSeq) {
      return;
    }
    lastSeq = m.seq();
    if (size == seq.length) {
      int n = size * 2;
      seq = Arrays.copyOf(seq, n);
      appliedMs = Arrays.copyOf(appliedMs, n);
      issuedMs = Arrays.copyOf(issuedMs, n);
      validUntilMs = Arrays.copyOf(validUntilMs, n);
    }
    seq[size] = m.seq();
    appliedMs[size] = now.toEpochMilli();
    issuedMs[size] = m.issuedAt().toEpochMilli();
    validUntilMs[size] = m.validUntil().toEpochMilli();
    size++;
  }

  synchronized int size() {
    return size;
  }

  /**
   * The gateway's record over the window {@code [from, to)} of whole control periods.
   *
   * @param latencyMs receives, for each setpoint issued in the window, the simulated milliseconds
   *     from its issue to its application
   */
  synchronized Coverage coverage(Instant from, Instant to, Duration step, LongSink latencyMs) {
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    long p = step.toMillis();
    int periods = (int) ((end - start) / p);
    boolean[] own = new boolean[periods];
    boolean[] gap = new boolean[periods];
    long gapMs = 0;
    int late = 0;
    int applied = 0;
    for (int i = 0; i < size; i++) {
      long issued = issuedMs[i];
      if (issued < start || issued >= end) {
        continue;
      }
      applied++;
      int k = (int) ((issued - start) / p);
      own[k] = true;
      latencyMs.accept(appliedMs[i] - issued);
      long periodEnd = start + (k + 1L) * p;
      if (appliedMs[i] >= periodEnd) {
        late++;
      }
    }
    // Gaps: before the first application, between a setpoint's expiry and the next application,
    // and after the last one's expiry (each clipped to the window).
    long coveredUntil = start;
    for (int i = 0; i < size && coveredUntil < end; i++) {
      if (appliedMs[i] > coveredUntil) {
        gapMs += mark(gap, start, end, p, coveredUntil, appliedMs[i]);
      }
      coveredUntil = Math.max(coveredUntil, validUntilMs[i]);
    }
    if (coveredUntil < end) {
      gapMs += mark(gap, start, end, p, coveredUntil, end);
    }
    int missing = 0;
    int missed = 0;
    for (int k = 0; k < periods; k++) {
      if (!own[k]) {
        missing++;
      }
      if (gap[k]) {
        missed++;
      }
    }
    return new Coverage(periods, applied, missing, missed, late, gapMs);
  }

  /** Marks the periods that {@code [a, b)} overlaps; returns the overlap's length. */
  private static long mark(boolean[] gap, long start, long end, long p, long a, long b) {
    long lo = Math.max(a, start);
    long hi = Math.min(b, end);
    if (hi <= lo) {
      return 0;
    }
    for (int k = (int) ((lo - start) / p); k < gap.length && start + k * p < hi; k++) {
      gap[k] = true;
    }
    return hi - lo;
  }

  /**
   * One gateway over the window.
   *
   * @param periods control periods in the window
   * @param applied setpoints issued in the window that the gateway applied
   * @param withoutOwnSetpoint periods for which the gateway applied no setpoint issued in them
   *     (lost, rejected or never sent; the previous one may still have covered it)
   * @param missed periods in which the gateway held no valid controller setpoint for some time
   * @param late setpoints applied after the end of the period they were issued in (still valid)
   * @param gapMs simulated milliseconds without a valid controller setpoint
   */
  record Coverage(int periods, int applied, int withoutOwnSetpoint, int missed, int late,
      long gapMs) {}

  /** Takes long values (latencies). */
  interface LongSink {
    void accept(long v);
  }
}
