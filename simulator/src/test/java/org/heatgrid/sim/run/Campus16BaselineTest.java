package org.heatgrid.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.heatgrid.sim.controllers.Controllers;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped scenario's default season under the commissioned baseline: the bars. */
class Campus16BaselineTest {

  private static RunResult run;
  private static KpiReport kpis;

  @BeforeAll
  static void simulateTheSeason() {
    Scenario s = ScenarioLoader.load("campus16");
    run = new Simulation(s).run(Controllers.create("baseline", s));
    kpis = KpiReport.of(run);
  }

  @Test
  void everyBuildingMeetsOccupiedComfortWithoutGrossOverheating() {
    assertThat(kpis.buildings()).hasSize(16);
    for (int b = 0; b < 16; b++) {
      String id = run.buildings().get(b).id();
      assertThat(kpis.buildings().get(id).tdisOccupiedKhPerZone()).as("%s occupied discomfort", id)
          .isLessThanOrEqualTo(10);
      assertThat(meanOccupiedIndoor(b)).as("%s mean occupied temperature", id).isBetween(20.5, 22.5);
    }
  }

  @Test
  void seasonalHeatUseIsRealistic() {
    assertThat(kpis.cluster().energyKwhM2()).isBetween(80.0, 150.0);
    assertThat(run.stats().fallbackCommands()).isZero();
  }

  @Test
  void buildingCostsAddUpToTheCluster() {
    double usage = 0;
    double basic = 0;
    for (KpiSet k : kpis.buildings().values()) {
      usage += k.usageCostKrw();
      basic += k.basicCostKrw();
    }
    assertThat(usage).isCloseTo(kpis.cluster().usageCostKrw(), within(1e-3));
    assertThat(basic).isCloseTo(kpis.cluster().basicCostKrw(), within(1e-3));
  }

  @Test
  void baselineAgainstItselfGivesExactlyOne() {
    KpiSet r = kpis.ratioTo(kpis).cluster();
    assertThat(new double[] {r.costKrw(), r.energyMwh(), r.peakKw(), r.tdisKhPerZone(),
        r.tdisOccupiedKhPerZone(), r.timeRatio()}).containsOnly(1.0);
  }

  private static double meanOccupiedIndoor(int b) {
    double s = 0;
    int n = 0;
    for (int k = 0; k < run.steps(); k++) {
      if (run.occupied()[b][k]) {
        s += run.meanIndoorC(b, k);
        n++;
      }
    }
    return s / n;
  }
}
