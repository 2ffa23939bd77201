package org.heatgrid.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.heatgrid.sim.controllers.Controllers;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class IdealHeatingTest {

  private static final Scenario WEEKS = ScenarioLoader.load("campus16")
      .withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 18));

  @Test
  void idealHeatingNeedsLessHeatThanTheBaselineAtBetterComfort() {
    KpiReport baseline = KpiReport.of(new Simulation(WEEKS).run(Controllers.create("baseline", WEEKS)));
    RunResult run = new Simulation(WEEKS).run(Controllers.create("ideal", WEEKS));
    KpiReport ideal = KpiReport.of(run);
    assertThat(run.stats().fallbackCommands()).isZero();
    assertThat(ideal.cluster().energyMwh()).isLessThan(0.95 * baseline.cluster().energyMwh());
    // Only the step means around opening and closing can dip below the band.
    assertThat(ideal.cluster().tdisOccupiedKhPerZone())
        .isLessThan(baseline.cluster().tdisOccupiedKhPerZone());
    // Unlimited power: it reheats at opening faster than any substation could.
    assertThat(ideal.cluster().peakKw()).isGreaterThan(baseline.cluster().peakKw());
  }
}
