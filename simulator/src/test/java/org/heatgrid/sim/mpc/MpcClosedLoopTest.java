package org.heatgrid.sim.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.mpc.MpcController;
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
 * period, cost less than the baseline and keep occupied comfort.
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

  @Test
  void costsLessThanTheBaselineAtComparableComfortWithoutFallingBack() {
    MpcController mpc = MpcSetup.controller(scenario, SHORT_HISTORY, prepared);
    RunResult m = new Simulation(scenario).run(mpc);
    KpiReport km = KpiReport.of(m);
    assertThat(mpc.fallbackReasons()).isEmpty();
    assertThat(m.stats().fallbackCommands()).isZero();
    assertThat(km.cluster().costKrw()).isLessThan(0.97 * kb.cluster().costKrw());
    assertThat(km.cluster().tdisOccupiedKhPerZone()).isLessThan(1.0);
  }

  /**
   * The same two weeks planned with two-state models (air and structure) identified on the same
   * history: most buildings get one (on this two-month history a fit or two fails, and those
   * buildings keep their first-order model), the loop never falls back and it costs less.
   */
  @Test
  void plansWithTwoStateModelsWithoutFallingBack() {
    MpcParameters twoState = SHORT_HISTORY.withPlanModel("two-state");
    MpcSetup.Prepared two = MpcSetup.prepare(scenario, twoState);
    int withTwoState = 0;
    for (PlanModel pm : two.models().values()) {
      if (pm.twoState() != null) {
        withTwoState++;
      } else {
        assertThat(pm.plannedHeldOut()).as(pm.buildingId()).isSameAs(pm.heldOut());
      }
      assertThat(pm.plannedHeldOut().horizonRmseK()).as(pm.buildingId() + " 24 h error")
          .isLessThan(1.5);
    }
    assertThat(withTwoState).isGreaterThanOrEqualTo(12);
    MpcController mpc = MpcSetup.controller(scenario, twoState, two);
    RunResult m = new Simulation(scenario).run(mpc);
    KpiReport km = KpiReport.of(m);
    assertThat(mpc.fallbackReasons()).isEmpty();
    assertThat(km.cluster().costKrw()).isLessThan(0.97 * kb.cluster().costKrw());
    // Comfort is not asserted: this path is not the default because it loses it. On this short
    // history the student union (B14) ends at 47.9 K*h/zone against the baseline's 0.55 and the
    // cluster at 3.31 against 0.66 (2026-12-06; docs/decisions/0026). The mechanics are checked.
  }
}
