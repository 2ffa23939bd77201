package org.heatgrid.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeatingCurveTest {

  private final HeatingCurve c = HeatingCurve.RADIATORS_70_50;

  @Test
  void designConditionsGiveTheDesignSupplyTemperature() {
    assertThat(c.supplyC(20, -11)).isCloseTo(70, within(1e-9));
  }

  @Test
  void halfLoadFollowsTheRadiatorCharacteristic() {
    // phi = 0.5: 20 + 40 * 0.5^(1/1.3) + 10 * 0.5 = 47.14...
    assertThat(c.supplyC(20, 4.5)).isCloseTo(20 + 40 * Math.pow(0.5, 1 / 1.3) + 5, within(1e-9));
  }

  @Test
  void noHeatAtOrAboveTheRoomTarget() {
    assertThat(c.supplyC(21, 21)).isEqualTo(21);
    assertThat(c.supplyC(21, 25)).isEqualTo(21);
  }

  @Test
  void slopeScalesTheExcessOverTheRoomTarget() {
    double full = c.supplyC(21, 0) - 21;
    assertThat(c.supplyC(21, 0, 0.8) - 21).isCloseTo(0.8 * full, within(1e-9));
  }
}
