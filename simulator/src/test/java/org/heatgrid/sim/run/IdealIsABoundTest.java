package org.heatgrid.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.heatgrid.sim.compare.Comparison;
import org.heatgrid.sim.compare.CostBound;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The ideal heat source bounds the heat of every controller on the same trace: none of them,
 * the oracle included, holds the band with less heat, in any building.
 */
class IdealIsABoundTest {

  private static final Scenario CAMPUS = ScenarioLoader.load("campus16");

  @Test
  void idealUsesNoMoreHeatThanBaselineMpcOrOracle() throws InterruptedException {
    // A week: the oracle identifies its models from the baseline run of the trace itself.
    Comparison c = Comparison.run(CAMPUS.withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11)),
        List.of("baseline", "mpc", "oracle", "ideal", "ideal-margin"), MpcParameters.DEFAULTS);
    assertBound(c, List.of("baseline", "mpc", "oracle"));
    // The cost bound: the ideal's heat at the lowest rate, capacity for its weekly mean.
    CostBound bound = CostBound.of(c.runs().get("ideal"));
    assertThat(bound.costKrw()).isLessThan(c.kpis().get("ideal").cluster().costKrw());
    for (String name : List.of("baseline", "mpc", "oracle")) {
      assertThat(bound.costKrw()).as("cost bound vs %s", name)
          .isLessThanOrEqualTo(c.kpis().get(name).cluster().costKrw());
    }
    // Holding a floor 1.1 K higher takes more heat, and its bound is higher.
    assertThat(c.kpis().get("ideal-margin").cluster().energyMwh())
        .isGreaterThan(c.kpis().get("ideal").cluster().energyMwh());
    assertThat(CostBound.of(c.runs().get("ideal-margin")).costKrw()).isGreaterThan(bound.costKrw());
  }

  @Test
  void idealUsesNoMoreHeatThanTheBaselineOnTwoColdDays() throws InterruptedException {
    // Regression: an ideal source that shared its heat among zones in the radiators' proportions
    // used 0.1 % more heat than the baseline on these days (a warm zone was heated with the cold).
    // Cluster only: on two days one heavy lecture hall (B05) takes 6 % more heat under the ideal
    // source than under the baseline, which keeps its structure warm overnight (see
    // simulator/README.md, the ideal heating bound); over a week every building is bounded.
    Comparison c = Comparison.run(CAMPUS.withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)),
        List.of("baseline", "ideal"), MpcParameters.DEFAULTS);
    assertThat(c.kpis().get("ideal").cluster().energyMwh())
        .isLessThanOrEqualTo(c.kpis().get("baseline").cluster().energyMwh());
  }

  private static void assertBound(Comparison c, List<String> controllers) {
    KpiSet ideal = c.kpis().get("ideal").cluster();
    for (String name : controllers) {
      assertThat(ideal.energyMwh()).as("cluster heat of ideal vs %s", name)
          .isLessThanOrEqualTo(c.kpis().get(name).cluster().energyMwh());
      c.kpis().get("ideal").buildings().forEach((id, k) ->
          assertThat(k.energyMwh()).as("heat of %s under ideal vs %s", id, name)
              .isLessThanOrEqualTo(c.kpis().get(name).buildings().get(id).energyMwh()));
    }
    assertThat(ideal.tdisOccupiedKhPerZone())
        .isLessThanOrEqualTo(c.kpis().get("baseline").cluster().tdisOccupiedKhPerZone());
  }
}
