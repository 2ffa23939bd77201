package org.heatgrid.sim.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.commission.Commissioning;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.weather.EpwYear;
import org.junit.jupiter.api.Test;

class TuningTest {

  private static final Scenario CAMPUS = ScenarioLoader.load("campus16");
  /** A two-week history, so that a whole tuning runs in seconds. */
  private static final MpcParameters SHORT = new MpcParameters(
      MpcParameters.DEFAULTS.historyWeather(), LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 19),
      MpcParameters.DEFAULTS.historySeed(), MpcParameters.DEFAULTS.heldOutEveryNthDay(),
      MpcParameters.DEFAULTS.zoneSpreadQuantile(), MpcParameters.DEFAULTS.settings());

  /** An evaluation whose weather is NaN every hour: any simulation that read it would be NaN. */
  private static Scenario poisonedEvaluation() {
    double[] nan = new double[EpwYear.HOURS];
    Arrays.fill(nan, Double.NaN);
    return CAMPUS.withWeather("poisoned-evaluation.epw", new EpwYear("poison", 36, 127, 9, nan, nan))
        .withPeriod(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 19));
  }

  @Test
  void theValidationSeasonIsTheHistorysWeatherAndPeriod_underNewSeeds() {
    Scenario v = Tuning.validation(CAMPUS, MpcParameters.DEFAULTS, List.of(101L));
    assertThat(v.weatherName()).isEqualTo(MpcParameters.DEFAULTS.historyWeather())
        .isNotEqualTo(CAMPUS.weatherName());
    assertThat(v.from()).isEqualTo(MpcParameters.DEFAULTS.historyFrom());
    assertThat(v.to()).isEqualTo(MpcParameters.DEFAULTS.historyTo());
  }

  @Test
  void refusesTheEvaluationsSeed_theHistorysSeed_andTheEvaluationsWeather() {
    assertThatThrownBy(() -> Tuning.validation(CAMPUS, MpcParameters.DEFAULTS,
        List.of(101L, CAMPUS.seed()))).hasMessageContaining("evaluation's seed");
    assertThatThrownBy(() -> Tuning.validation(CAMPUS, MpcParameters.DEFAULTS,
        List.of(MpcParameters.DEFAULTS.historySeed()))).hasMessageContaining("history's seed");
    Scenario onHistoryWeather = MpcSetup.historyScenario(CAMPUS, MpcParameters.DEFAULTS);
    assertThatThrownBy(() -> Tuning.validation(onHistoryWeather, MpcParameters.DEFAULTS,
        List.of(101L))).hasMessageContaining("is the evaluation's");
  }

  @Test
  void theValidationBaseline_isCommissionedOnTheValidationSeason_notTheEvaluations() {
    Scenario v = Tuning.validation(poisonedEvaluation(), SHORT, List.of(101L));
    Scenario commissioned = Tuning.commissioned(v);
    RunResult shipped = new Simulation(v.withSeed(Commissioning.DEFAULT_SEED))
        .run(new HeatingCurveController(v.baseline()));
    RunResult own = new Simulation(commissioned.withSeed(Commissioning.DEFAULT_SEED))
        .run(new HeatingCurveController(commissioned.baseline()));
    KpiReport shippedKpis = KpiReport.of(shipped);
    KpiReport ownKpis = KpiReport.of(own);
    double stepH = own.step().toSeconds() / 3600.0;
    int changed = 0;
    for (int b = 0; b < own.buildings().size(); b++) {
      String id = own.buildings().get(b).id();
      assertThat(Commissioning.underTemperatureKh(own, b, stepH)).as(id)
          .isLessThanOrEqualTo(Commissioning.DEFAULT_TARGET_KH);
      // Where the shipped trim is comfortable enough here too, the season's own trim is the one
      // with the least heat among those that are (bisection rounds the shift up by < 0.1 K).
      if (Commissioning.underTemperatureKh(shipped, b, stepH) <= Commissioning.DEFAULT_TARGET_KH) {
        assertThat(ownKpis.buildings().get(id).energyMwh()).as(id)
            .isLessThanOrEqualTo(shippedKpis.buildings().get(id).energyMwh() * 1.01);
      }
      if (!commissioned.baseline().trim(id).equals(v.baseline().trim(id))) {
        changed++;
      }
    }
    assertThat(changed).isPositive();
    assertThatThrownBy(() -> Tuning.validation(CAMPUS, MpcParameters.DEFAULTS,
        List.of(Commissioning.DEFAULT_SEED))).hasMessageContaining("commissioned on");
  }

  @Test
  void aWholeTuning_neverReadsTheEvaluationWeather_andChoosesByTheRule()
      throws InterruptedException {
    Tuning t = Tuning.run(poisonedEvaluation(), SHORT, List.of(Tuning.Margin.uniform(0.2),
        Tuning.Margin.perModelError(3)), List.of(101L, 102L), 2);
    assertThat(t.trials()).hasSize(2);
    for (Tuning.Trial trial : t.trials()) {
      assertThat(trial.costRatio().getCount()).isEqualTo(2);
      assertThat(trial.costRatio().getMax()).as("margin %s", trial.margin())
          .isFinite().isPositive();
      assertThat(trial.tdisExcessKh().getMax()).isFinite();
    }
    // A wider margin (3 x an RMSE of 0.3-0.65 K against 0.2 K) buys comfort with heat.
    assertThat(t.trials().get(1).energyRatio().getAverage())
        .isGreaterThan(t.trials().get(0).energyRatio().getAverage());
    Tuning.Trial chosen = t.chosen();
    if (t.admissible()) {
      assertThat(chosen.admissible()).isTrue();
      t.trials().stream().filter(Tuning.Trial::admissible).forEach(other ->
          assertThat(chosen.costRatio().getAverage()).isLessThanOrEqualTo(other.costRatio().getAverage()));
    } else {
      assertThat(t.trials()).noneMatch(Tuning.Trial::admissible);
    }
  }

  @Test
  void refusesNoCandidatesAndNegativeMargins() {
    assertThatThrownBy(() -> Tuning.run(CAMPUS, SHORT, List.of(), List.of(101L), 1))
        .hasMessageContaining("at least one margin");
    assertThatThrownBy(() -> Tuning.run(CAMPUS, SHORT,
        List.of(Tuning.Margin.uniform(-0.1)), List.of(101L), 1))
        .hasMessageContaining("comfort margin must be finite and >= 0: -0.1");
  }
}
