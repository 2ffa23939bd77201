package org.heatgrid.control.mpc.solver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid problems are rejected with messages that name the building and the field. */
class ProblemValidationTest {

  private static final double[] FOUR = {0, 0, 0, 0};

  private static BuildingChain chain(double a, double g, double[] low) {
    return new BuildingChain(a, g, 20, FOUR, low, new double[] {100, 100, 100, 100}, FOUR);
  }

  private static PlanningProblem problem(int steps, List<BuildingChain> chains) {
    return new PlanningProblem(steps, 0.25, new double[steps], 100, 100, 1e-4, 1500, 0,
        Double.POSITIVE_INFINITY, chains);
  }

  @Test
  void problem_buildingWithWrongLength_namesBuildingAndFields() {
    BuildingChain good = chain(0.98, 1e-3, FOUR);
    BuildingChain shorter = new BuildingChain(0.98, 1e-3, 20, new double[3], new double[3],
        new double[3], new double[3]);
    assertThatThrownBy(() -> problem(4, List.of(good, shorter)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("building 1")
        .hasMessageContaining("w");
  }

  @Test
  void chain_retentionAboveOne_namesField() {
    assertThatThrownBy(() -> chain(1.2, 1e-3, FOUR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a must be in (0, 1]");
  }

  @Test
  void chain_nonPositiveGain_namesField() {
    assertThatThrownBy(() -> chain(0.98, 0, FOUR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g must be");
  }

  @Test
  void chain_nanFloor_namesFieldAndIndex() {
    assertThatThrownBy(() -> chain(0.98, 1e-3, new double[] {20, Double.NaN, 20, 20}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low[1]");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {-1e-3, Double.NaN, Double.POSITIVE_INFINITY})
  void chain_badAirOffset_namesField(double airPerKw) {
    assertThatThrownBy(() -> new BuildingChain(0.98, 1e-3, 20, FOUR, FOUR,
        new double[] {100, 100, 100, 100}, FOUR, airPerKw))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("airPerKw");
  }

  @Test
  void chain_negativeUMax_namesField() {
    assertThatThrownBy(() -> new BuildingChain(0.98, 1e-3, 20, FOUR, FOUR,
        new double[] {1, -1, 1, 1}, FOUR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uMax[1]");
  }

  @Test
  void problem_negativePrice_namesField() {
    assertThatThrownBy(() -> new PlanningProblem(4, 0.25, new double[] {1, 1, -1, 1}, 1, 1, 0, 0,
        0, Double.POSITIVE_INFINITY, List.of(chain(0.98, 1e-3, FOUR))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priceKrwPerKwh[2]");
  }

  @Test
  void problem_nonPositiveCap_namesField() {
    assertThatThrownBy(() -> new PlanningProblem(4, 0.25, new double[4], 1, 1, 0, 0, 0, 0,
        List.of(chain(0.98, 1e-3, FOUR))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusterCapKw");
  }

  @Test
  void problem_negativeWeight_namesField() {
    assertThatThrownBy(() -> new PlanningProblem(4, 0.25, new double[4], -1, 1, 0, 0, 0, 10,
        List.of(chain(0.98, 1e-3, FOUR))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slackLinear");
  }
}
