package org.heatgrid.control.mpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BuildingHistoryTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 8, 0, 0);
  private static final LocalDateTime[] STARTS = {T0, T0.plusMinutes(15), T0.plusMinutes(30)};
  private static final double[] THREE = {1, 2, 3};
  private static final boolean[] OCC = {false, true, true};

  @Test
  void mismatchedLengthsNameTheBuildingAndTheField() {
    assertThatThrownBy(() -> new BuildingHistory("B03", 0.25, STARTS, new double[] {1, 2}, THREE,
        THREE, THREE, OCC, THREE, THREE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B03")
        .hasMessageContaining("heatKw has 2 entries but stepStart has 3");
    assertThatThrownBy(() -> new BuildingHistory("B03", 0.25, STARTS, THREE, THREE, THREE, THREE,
        new boolean[] {true}, THREE, THREE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("occupied");
  }

  @Test
  void irregularStepsAreRejected() {
    LocalDateTime[] gap = {T0, T0.plusMinutes(15), T0.plusMinutes(45)};

    assertThatThrownBy(() -> new BuildingHistory("B03", 0.25, gap, THREE, THREE, THREE, THREE,
        OCC, THREE, THREE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B03")
        .hasMessageContaining("advance by stepHours");
  }

  @Test
  void infiniteValuesAreRejectedButNanMarksMissing() {
    double[] infinite = {1, Double.NEGATIVE_INFINITY, 3};
    double[] missing = {1, Double.NaN, 3};

    assertThatThrownBy(() -> new BuildingHistory("B03", 0.25, STARTS, THREE, infinite, THREE,
        THREE, OCC, THREE, THREE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("indoorC[1] is infinite");
    assertThat(new BuildingHistory("B03", 0.25, STARTS, THREE, missing, THREE, THREE, OCC, THREE,
        THREE).size()).isEqualTo(3);
  }

  @Test
  void arraysAreCopiedOnConstruction() {
    double[] heat = {1, 2, 3};
    BuildingHistory h =
        new BuildingHistory("B03", 0.25, STARTS, heat, THREE, THREE, THREE, OCC, THREE, THREE);
    heat[0] = 99;

    assertThat(h.heatKw()[0]).isEqualTo(1);
  }
}
