package org.heatgrid.sim.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.heatgrid.sim.compare.SeedSweep.Figure;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class SeedSweepTest {

  private static final Scenario TWO_DAYS = ScenarioLoader.load("campus16")
      .withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6));

  @Test
  void parseSeeds_takesNumbersAndRanges() {
    assertThat(SeedSweep.parseSeeds("42-46")).containsExactly(42L, 43L, 44L, 45L, 46L);
    assertThat(SeedSweep.parseSeeds("1, 5,9-11,5")).containsExactly(1L, 5L, 9L, 10L, 11L);
  }

  @Test
  void parseSeeds_namesThePartThatIsNoSeed() {
    assertThatThrownBy(() -> SeedSweep.parseSeeds("42-x")).hasMessageContaining("'42-x'");
    assertThatThrownBy(() -> SeedSweep.parseSeeds("46-42")).hasMessageContaining("must go up");
    assertThatThrownBy(() -> SeedSweep.parseSeeds("")).hasMessageContaining("''");
  }

  @Test
  void eachSeedIsItsOwnTrace_andTheBaselineIsOneAgainstItself() throws InterruptedException {
    SeedSweep sweep = SeedSweep.run(TWO_DAYS, List.of(1L, 2L), List.of("baseline", "ideal"),
        MpcParameters.DEFAULTS, 2);
    assertThat(sweep.comparisons()).containsOnlyKeys(1L, 2L);
    assertThat(sweep.controllers()).containsExactly("baseline", "ideal");
    Comparison one = sweep.comparisons().get(1L);
    Comparison two = sweep.comparisons().get(2L);
    assertThat(one.scenario().seed()).isEqualTo(1);
    assertThat(two.scenario().seed()).isEqualTo(2);
    assertThat(one.baseline().cluster().energyMwh()).isNotEqualTo(two.baseline().cluster().energyMwh());
    for (Comparison c : List.of(one, two)) {
      assertThat(Figure.COST_RATIO.of(c, "baseline")).isEqualTo(1.0);
      assertThat(Figure.WORST_BUILDING_EXCESS.of(c, "baseline")).isEqualTo(0.0);
    }
    double a = Figure.ENERGY_RATIO.of(one, "ideal");
    double b = Figure.ENERGY_RATIO.of(two, "ideal");
    assertThat(sweep.stats("ideal", Figure.ENERGY_RATIO).getAverage()).isEqualTo((a + b) / 2);
    assertThat(sweep.stats("ideal", Figure.ENERGY_RATIO).getMax()).isEqualTo(Math.max(a, b));
  }

  @Test
  void worstExcess_isTheBuildingMostAboveItsOwnBaseline() throws InterruptedException {
    Comparison c = Comparison.run(TWO_DAYS, List.of("baseline", "ideal"), MpcParameters.DEFAULTS);
    KpiReport ideal = c.kpis().get("ideal");
    double worst = Double.NEGATIVE_INFINITY;
    for (String id : ideal.buildings().keySet()) {
      worst = Math.max(worst, ideal.buildings().get(id).tdisOccupiedKhPerZone()
          - c.baseline().buildings().get(id).tdisOccupiedKhPerZone());
    }
    assertThat(BuildingComfort.worstExcess(ideal, c.baseline())).isEqualTo(worst);
    assertThat(BuildingComfort.occupiedExcess(ideal, c.baseline()))
        .containsEntry(BuildingComfort.worstBuilding(ideal, c.baseline()), worst);
  }
}
