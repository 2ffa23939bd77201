package org.heatgrid.control.mpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThermalModelTest {

  private final ThermalModel m = new ThermalModel(0.25, 8, 400, 0.02, 6, 2);

  @Test
  void aAndGainFollowFromUaAndCapacity() {
    assertThat(m.a()).isCloseTo(Math.exp(-0.25 * 8 / 400), within(1e-15));
    assertThat(m.heatGainKPerKw()).isCloseTo((1 - m.a()) / 8, within(1e-15));
    assertThat(m.timeConstantHours()).isEqualTo(50);
  }

  @Test
  void nextIsStateHeatAndFreeDrive() {
    double expected = m.a() * 20
        + (1 - m.a()) * (-3 + (100 + 0.02 * 300 + 6 + 2) / 8.0);

    assertThat(m.next(20, 100, -3, 300, true)).isCloseTo(expected, within(1e-12));
    assertThat(m.next(20, 100, -3, 300, true)).isCloseTo(
        m.a() * 20 + m.heatGainKPerKw() * 100 + m.freeDrive(-3, 300, true), within(1e-12));
  }

  @Test
  void steadyStateBalancesHeatLossAgainstAllGains() {
    // 8 kW/K * (20 - 0) K = 160 kW of loss; base gains 2 kW, heat 158 kW.
    assertThat(m.next(20, 158, 0, 0, false)).isCloseTo(20, within(1e-12));
  }

  @Test
  void withStepGivesTheSameTrajectoryUnderConstantInputs() {
    ThermalModel hourly = m.withStep(1);
    double t = 18;
    for (int k = 0; k < 4; k++) {
      t = m.next(t, 150, -5, 200, true);
    }

    assertThat(hourly.next(18, 150, -5, 200, true)).isCloseTo(t, within(1e-12));
    assertThat(hourly.uaKwPerK()).isEqualTo(m.uaKwPerK());
  }

  @Test
  void invalidParametersAreRejectedByName() {
    assertThatThrownBy(() -> new ThermalModel(0.25, 0, 400, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uaKwPerK");
    assertThatThrownBy(() -> new ThermalModel(0.25, 8, -1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacityKwhPerK");
    assertThatThrownBy(() -> new ThermalModel(0, 8, 400, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stepHours");
    assertThatThrownBy(() -> new ThermalModel(0.25, 8, 400, Double.NaN, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solarKwPerWm2");
    assertThatThrownBy(() -> new ThermalModel(0.25, 8, 400, 0, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gainsBaseKw");
  }

  @Test
  void steadyHeatHoldsTheAirAtItsTargetWithTheAirOffset() {
    ThermalModel m = new ThermalModel(0.25, 10, 300, 0.05, 20, 5, 0.004, -0.5);
    double u = m.steadyHeatKw(20.5, -3, 100, true);
    double t = 20.5 - m.airOffsetK(u, true);

    assertThat(m.next(t, u, -3, 100, true)).isCloseTo(t, within(1e-9));
    assertThat(t + m.airOffsetK(u, true)).isCloseTo(20.5, within(1e-9));
    assertThat(m.airOffsetK(u, false)).isCloseTo(0.004 * u, within(1e-12));
  }

  @Test
  void aModelWithoutAirOffsetNeedsNoHeatReading() {
    ThermalModel m = new ThermalModel(0.25, 10, 300, 0.05, 20, 5);

    assertThat(m.airOffsetK(Double.NaN, false)).isZero();
    assertThatThrownBy(() -> new ThermalModel(0.25, 10, 300, 0.05, 20, 5, -0.001, 0))
        .hasMessageContaining("airPerKw");
  }
}
