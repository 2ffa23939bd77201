package org.heatgrid.sim.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class MeasuredSavingsTest {

  private static final Scenario WEEKS = ScenarioLoader.load("campus16")
      .withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 18));

  @Test
  void everyControllerIsMeasuredAgainstTheSamePrediction_andTheMeterGivesTheDifference()
      throws InterruptedException {
    Comparison c = Comparison.run(WEEKS, List.of("baseline", "ideal"), MpcParameters.DEFAULTS);
    MeasuredSavings base = c.measured().get("baseline");
    MeasuredSavings ideal = c.measured().get("ideal");
    // Same weather, same outdoor sensors: the former operation's predicted heat is the same.
    assertThat(ideal.predictedBaselineMwh()).isCloseTo(base.predictedBaselineMwh(),
        within(0.005 * base.predictedBaselineMwh()));
    assertThat(base.meteredMwh()).isCloseTo(c.kpis().get("baseline").cluster().energyMwh(),
        within(0.02 * base.meteredMwh())); // meters read about 1 % off, per building
    // The model's error is common to both, so the difference of the estimates is the meters'.
    double estimated = ideal.energySavingsPercent() - base.energySavingsPercent();
    double metered = 100 * (base.meteredMwh() - ideal.meteredMwh()) / base.predictedBaselineMwh();
    assertThat(estimated).isCloseTo(metered, within(0.5));
    assertThat(ideal.energySavingsPercent()).isGreaterThan(base.energySavingsPercent());
    // The months add up to the period, and the baseline against its own meters saves nothing.
    assertThat(ideal.monthlyPredictedMwh().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(ideal.predictedBaselineMwh(), within(1e-6));
    assertThat(ideal.monthlyMeteredMwh().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(ideal.meteredMwh(), within(1e-6));
    for (java.time.YearMonth month : base.monthlyPredictedMwh().keySet()) {
      assertThat(c.trueEnergySavingsPercent("baseline", month)).isZero();
    }
  }

  @Test
  void aReportingPeriodBeforeTheHistoryEndIsRefused() {
    RunResult week = new Simulation(WEEKS).run(new HeatingCurveController(WEEKS.baseline()));
    Scenario history = MpcSetup.historyScenario(WEEKS, MpcParameters.DEFAULTS);
    RunResult before = new Simulation(history.withPeriod(LocalDate.of(2026, 1, 10),
        LocalDate.of(2026, 1, 20))).run(new HeatingCurveController(WEEKS.baseline()));
    assertThatThrownBy(() -> MeasuredSavings.estimate(before, week, WEEKS.tariff()))
        .hasMessageContaining("not after the baseline's end");
  }
}
