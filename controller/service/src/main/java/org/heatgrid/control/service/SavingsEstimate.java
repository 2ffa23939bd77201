package org.heatgrid.control.service;

import java.util.Optional;

/**
 * Savings to date against the baseline, for {@code GET /api/status}. A placeholder until the
 * baseline is replayed on the recorded weather (see README, limits): it says so rather than
 * inventing a figure.
 */
public interface SavingsEstimate {

  /**
   * @param krw cost saved, KRW; empty when not computed
   * @param mwh heat saved, MWh; empty when not computed
   * @param method how it was computed, or why it was not
   */
  record Savings(Optional<Double> krw, Optional<Double> mwh, String method) {}

  Savings toDate();
}
