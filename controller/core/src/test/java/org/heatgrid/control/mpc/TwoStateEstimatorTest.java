package org.heatgrid.control.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.TwoStateModel;
import org.junit.jupiter.api.Test;

class TwoStateEstimatorTest {

  private static final TwoStateModel OFFICE = new TwoStateModel(0.25, 3, 60, 6, 30, 400, 0.04, 30, 5);

  @Test
  void theGapOpensAtOnceWhenOneSideWarms_andClosesOnlyAsFastAsTheFilter() {
    TwoStateEstimator e = new TwoStateEstimator(1, 0.05);
    for (int k = 0; k < 50; k++) {
      e.update(0, OFFICE, reading(21.0, 20.8), 0, true, 21);
    }
    assertThat(e.gapK(0)).isCloseTo(0.2, within(1e-9));
    // The sun on one side: the mean rises, the cold side does not.
    e.update(0, OFFICE, reading(21.4, 20.8), 0, true, 21);
    assertThat(e.gapK(0)).isCloseTo(0.6, within(1e-9));
    // A cloud: the gap reads small for a moment, the floor remembers the wider gap.
    e.update(0, OFFICE, reading(20.9, 20.8), 0, true, 21);
    // filtered: 0.2 -> 0.22 (after the sun) -> 0.22 + 0.05 (0.1 - 0.22) = 0.214
    assertThat(e.gapK(0)).isCloseTo(0.214, within(1e-9));
    assertThat(e.airC(0)).isEqualTo(20.9);
  }

  private static Telemetry reading(double meanC, double coldestC) {
    return new Telemetry("B01", 100, 90, 50, 1.7, 45, 35, 2.5,
        new double[] {2 * meanC - coldestC, coldestC}, 0, false);
  }
}
