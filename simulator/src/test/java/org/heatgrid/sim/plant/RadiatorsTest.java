package org.heatgrid.sim.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RadiatorsTest {

  // A radiator of 10 kW at 70/50/20 C.
  private static final double K = 10_000 / Math.pow(40, 1.3);
  private static final double FLOW = 10_000 / (4186 * 20.0);

  @Test
  void designPointGivesDesignOutputAndReturn() {
    double x = Radiators.meanExcessK(K, FLOW, 70, 20, -1);
    assertThat(x).isCloseTo(40, within(1e-6));
    assertThat(Radiators.outputW(K, x)).isCloseTo(10_000, within(1e-3));
  }

  @Test
  void solutionSatisfiesBothRadiatorAndWaterSideEquations() {
    for (double supply : new double[] {30, 45, 60, 85}) {
      double x = Radiators.meanExcessK(K, FLOW, supply, 21, 5);
      double q = Radiators.outputW(K, x);
      double ret = 2 * (21 + x) - supply;
      assertThat(FLOW * 4186 * (supply - ret)).isCloseTo(q, within(1e-3));
      assertThat(ret).isBetween(21.0, supply);
    }
  }

  @Test
  void outputGrowsFasterThanLinearlyWithExcessTemperature() {
    double low = Radiators.outputW(K, 20);
    double high = Radiators.outputW(K, 40);
    assertThat(high / low).isCloseTo(Math.pow(2, 1.3), within(1e-9));
  }

  @Test
  void noHeatWhenSupplyIsNotAboveRoom() {
    assertThat(Radiators.meanExcessK(K, FLOW, 20, 21, 3)).isZero();
  }
}
