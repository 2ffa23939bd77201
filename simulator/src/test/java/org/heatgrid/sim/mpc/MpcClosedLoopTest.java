package org.heatgrid.sim.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.control.mpc.MpcSettings;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.control.mpc.model.IdentifiedModel;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MPC in the closed loop on campus16: prepared from a short history (Seoul weather, its own
 * seed), then two cold January weeks in Daejeon with medium forecast errors. It must plan every
 * period, cost less than the baseline and keep occupied comfort, with either plan model.
 */
class MpcClosedLoopTest {

  private static final MpcParameters SHORT_HISTORY = new MpcParameters(
      MpcParameters.DEFAULTS.historyWeather(), LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 31),
      7, 5, 0.9, MpcParameters.DEFAULTS.settings());

  private static Scenario scenario;
  private static MpcSetup.Prepared prepared;
  /** The baseline on the same two weeks, which every test compares with. */
  private static KpiReport kb;

  @BeforeAll
  static void prepare() {
    scenario = ScenarioLoader.load("campus16").withPeriod(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 25));
    prepared = MpcSetup.prepare(scenario, SHORT_HISTORY);
    kb = KpiReport.of(new Simulation(scenario).run(new HeatingCurveController(scenario.baseline())));
  }

  @Test
  void identifiesEveryBuildingWithUsefulHeldOutFit() {
    assertThat(prepared.identified()).hasSize(16);
    for (IdentifiedModel m : prepared.identified()) {
      assertThat(m.heldOut().samples()).as(m.buildingId()).isPositive();
      assertThat(m.heldOut().horizonRmseK()).as(m.buildingId() + " 24 h error").isLessThan(1.5);
      assertThat(m.model().uaKwPerK()).as(m.buildingId()).isBetween(1.0, 100.0);
    }
  }

  /**
   * The default MPC plans with two-state models (air and structure) identified on the history:
   * most buildings get one (on this two-month history a fit or two fails or is refused as
   * implausible, and those buildings keep their first-order model). It never falls back, costs
   * less and keeps occupied comfort.
   */
  @Test
  void plansWithTwoStateModelsAndCostsLessAtComparableComfortWithoutFallingBack() {
    int withTwoState = 0;
    for (PlanModel pm : prepared.models().values()) {
      if (pm.twoState() != null) {
        withTwoState++;
      } else {
        assertThat(pm.plannedHeldOut()).as(pm.buildingId()).isSameAs(pm.heldOut());
      }
      assertThat(pm.plannedHeldOut().horizonRmseK()).as(pm.buildingId() + " 24 h error")
          .isLessThan(1.5);
    }
    assertThat(withTwoState).isGreaterThanOrEqualTo(12);
    MpcController mpc = MpcSetup.controller(scenario, SHORT_HISTORY, prepared);
    RunResult m = new Simulation(scenario).run(mpc);
    KpiReport km = KpiReport.of(m);
    assertThat(mpc.fallbackReasons()).isEmpty();
    assertThat(m.stats().fallbackCommands()).isZero();
    assertThat(km.cluster().costKrw()).isLessThan(0.97 * kb.cluster().costKrw());
    assertThat(km.cluster().tdisOccupiedKhPerZone()).isLessThan(1.0);
  }

  /** The first-order plan, at its own tuned margin rule, as an option. */
  @Test
  void plansWithOneStateModelsAsAnOption() {
    MpcParameters oneState = SHORT_HISTORY.withPlanModel("one-state")
        .withSettings(MpcSettings.DEFAULTS);
    MpcSetup.Prepared one = MpcSetup.prepare(scenario, oneState);
    assertThat(one.models().values()).allSatisfy(pm -> assertThat(pm.twoState()).isNull());
    MpcController mpc = MpcSetup.controller(scenario, oneState, one);
    RunResult m = new Simulation(scenario).run(mpc);
    KpiReport km = KpiReport.of(m);
    assertThat(mpc.fallbackReasons()).isEmpty();
    assertThat(km.cluster().costKrw()).isLessThan(0.97 * kb.cluster().costKrw());
    assertThat(km.cluster().tdisOccupiedKhPerZone()).isLessThan(1.0);
  }
}
