package org.heatgrid.sim.run;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.heatgrid.sim.plant.Plant;

/**
 * When a cost-aware ideal source ({@link IdealHeating#costAware}) plans: every day, over two, so
 * that tomorrow morning's peak band is in every plan. It is the loop's part, not the source's: a
 * controller may not reach the plant.
 */
final class PreheatSchedule {

  /** Hours a plan looks ahead. */
  static final int HORIZON_H = 48;
  /** Hours a plan is followed before the next is made. */
  static final int REPLAN_H = 24;

  private final IdealHeating ideal;
  private final double[] peakSoFarKw;
  private LocalDateTime planned;

  PreheatSchedule(IdealHeating ideal) {
    this.ideal = ideal;
    this.peakSoFarKw = ideal.capacityKw();
  }

  /** Makes a new plan in {@code plant} when the last is {@link #REPLAN_H} hours old. */
  void before(Plant plant, LocalDateTime t) {
    if (planned != null && t.isBefore(planned.plusHours(REPLAN_H))) {
      return;
    }
    planned = t.truncatedTo(ChronoUnit.HOURS);
    plant.planPreheat(planned, HORIZON_H, ideal::marginK, ideal.tariff()::usageKrwPerKwh,
        ideal.basicKrwPerKw(), peakSoFarKw);
  }
}
