package org.heatgrid.learn;

/**
 * How a bundle is learnt.
 *
 * @param minDays usable days a record needs (two weeks: every weekday twice, and enough days to
 *     hold some out)
 * @param dayCoverage share of a day's periods with telemetry from every building for it to count
 * @param signalShare share of a building's readings that must carry each required signal
 * @param heldOutEveryNthDay every n-th day is held out of identification and scores the fit
 * @param zoneSpreadQuantile quantile of the coldest zone's gap below the mean, reported per model
 * @param network whether to train the hot-water network (else the profile alone)
 * @param backtestDays last days of the record the network is backtested on (and not trained on)
 * @param seed the network's training seed
 * @param twoState whether to identify each building's two-state model (air and structure) as
 *     well, which the MPC then plans with
 */
public record LearnSettings(int minDays, double dayCoverage, double signalShare,
    int heldOutEveryNthDay, double zoneSpreadQuantile, boolean network, int backtestDays,
    long seed, boolean twoState) {

  /**
   * Whether bundles carry two-state models unless asked otherwise: see
   * docs/decisions/0027-two-state-by-default.md.
   */
  public static final boolean TWO_STATE_DEFAULT = true;

  public static final LearnSettings DEFAULTS =
      new LearnSettings(14, 0.9, 0.8, 5, 0.9, true, 3, 42, TWO_STATE_DEFAULT);

  public LearnSettings {
    if (minDays < 3) {
      throw new IllegalArgumentException("minDays must be at least 3: " + minDays);
    }
    if (!(dayCoverage > 0 && dayCoverage <= 1)) {
      throw new IllegalArgumentException("dayCoverage must be in (0, 1]: " + dayCoverage);
    }
    if (!(signalShare > 0 && signalShare <= 1)) {
      throw new IllegalArgumentException("signalShare must be in (0, 1]: " + signalShare);
    }
    if (heldOutEveryNthDay < 2) {
      throw new IllegalArgumentException("heldOutEveryNthDay must be at least 2: " + heldOutEveryNthDay);
    }
    if (backtestDays < 1 || backtestDays >= minDays) {
      throw new IllegalArgumentException("backtestDays must be in 1.." + (minDays - 1) + ": " + backtestDays);
    }
  }

  /** With another minimum; the backtest shrinks to fit a shorter one. */
  public LearnSettings withMinDays(int days) {
    return new LearnSettings(days, dayCoverage, signalShare, heldOutEveryNthDay, zoneSpreadQuantile,
        network, Math.max(1, Math.min(backtestDays, days - 1)), seed, twoState);
  }

  public LearnSettings withNetwork(boolean on) {
    return new LearnSettings(minDays, dayCoverage, signalShare, heldOutEveryNthDay,
        zoneSpreadQuantile, on, backtestDays, seed, twoState);
  }

  public LearnSettings withTwoState(boolean on) {
    return new LearnSettings(minDays, dayCoverage, signalShare, heldOutEveryNthDay,
        zoneSpreadQuantile, network, backtestDays, seed, on);
  }
}
