package org.heatgrid.control.mpc.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The steps of a history that a fit or a score may use: the steps on a set of days ("members")
 * and the readings that may serve as a starting state.
 *
 * <p>For training, a transition into a training step must also start from a training step's
 * reading: the reading at the end of a held-out day is the state at the next midnight, and using
 * it would let held-out data leak into the fit. Scoring the held-out days may start from any
 * reading, since nothing is fitted there.
 */
final class StepSelection {

  /** An open-loop simulation span: steps {@code first} (inclusive) to {@code end} (exclusive). */
  record Window(int first, int end) {}

  private final BuildingHistory history;
  private final boolean[] member;
  private final boolean[] startReadable;

  private StepSelection(BuildingHistory history, boolean[] member, boolean[] startReadable) {
    this.history = history;
    this.member = member;
    this.startReadable = startReadable;
  }

  /** Every step not on a held-out day; starts only from those steps' readings. */
  static StepSelection training(BuildingHistory history, Set<LocalDate> heldOutDays) {
    boolean[] member = onDays(history, heldOutDays, false);
    return new StepSelection(history, member, member);
  }

  /** Every step on a held-out day; starts from any reading. */
  static StepSelection heldOut(BuildingHistory history, Set<LocalDate> heldOutDays) {
    boolean[] anyReading = new boolean[history.size()];
    Arrays.fill(anyReading, true);
    return new StepSelection(history, onDays(history, heldOutDays, true), anyReading);
  }

  /** Every step of the history. */
  static StepSelection all(BuildingHistory history) {
    return training(history, Set.of());
  }

  BuildingHistory history() {
    return history;
  }

  boolean isMember(int k) {
    return member[k];
  }

  /** Heat, outdoor temperature and irradiance of step {@code k} are all present. */
  boolean inputsPresent(int k) {
    return !Double.isNaN(history.heatKw()[k])
        && !Double.isNaN(history.outdoorC()[k])
        && !Double.isNaN(history.ghiWm2()[k]);
  }

  /** The state at the start of step {@code k} is a usable reading. */
  boolean canStartAt(int k) {
    return k >= 1 && startReadable[k - 1] && !Double.isNaN(history.indoorC()[k - 1]);
  }

  /** Member steps whose one-step transition touches no missing reading. */
  int[] transitions() {
    double[] indoor = history.indoorC();
    return IntStream.range(0, history.size())
        .filter(k -> member[k] && canStartAt(k) && inputsPresent(k) && !Double.isNaN(indoor[k]))
        .toArray();
  }

  /**
   * Open-loop windows over the member steps: one per block of {@code windowHours} counted from
   * each midnight, starting at the block's first step with a usable starting reading, cut where an
   * input is missing and restarted from the next usable reading.
   */
  List<Window> windows(double windowHours) {
    long windowMinutes = Math.max(1, Math.round(windowHours * 60));
    List<Window> windows = new ArrayList<>();
    int first = -1;
    long block = Long.MIN_VALUE;
    for (int k = 0; k < history.size(); k++) {
      long kBlock = blockOf(history.stepStart()[k], windowMinutes);
      boolean continues = first >= 0 && member[k] && kBlock == block && inputsPresent(k);
      if (first >= 0 && !continues) {
        windows.add(new Window(first, k));
        first = -1;
      }
      if (first < 0 && member[k] && inputsPresent(k) && canStartAt(k)) {
        first = k;
        block = kBlock;
      }
    }
    if (first >= 0) {
      windows.add(new Window(first, history.size()));
    }
    return windows;
  }

  private static long blockOf(LocalDateTime start, long windowMinutes) {
    long minuteOfDay = start.getHour() * 60L + start.getMinute();
    long blocksPerDay = (24 * 60 + windowMinutes - 1) / windowMinutes;
    return start.toLocalDate().toEpochDay() * blocksPerDay + minuteOfDay / windowMinutes;
  }

  private static boolean[] onDays(BuildingHistory history, Set<LocalDate> days, boolean inDays) {
    boolean[] mask = new boolean[history.size()];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = days.contains(history.stepStart()[k].toLocalDate()) == inDays;
    }
    return mask;
  }

  /** Steps with a reading inside the windows, in window order: what a fit's residuals are of. */
  static int[] readingsIn(BuildingHistory history, List<Window> windows) {
    double[] indoor = history.indoorC();
    List<Integer> steps = new ArrayList<>();
    for (Window w : windows) {
      for (int k = w.first(); k < w.end(); k++) {
        if (!Double.isNaN(indoor[k])) {
          steps.add(k);
        }
      }
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The indoor readings at those steps. */
  static double[] readingsAt(BuildingHistory history, int[] steps) {
    double[] out = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      out[i] = history.indoorC()[steps[i]];
    }
    return out;
  }
}
