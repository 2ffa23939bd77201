package org.heatgrid.sim.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * One preparation serves every seed of a comparison and every candidate of a tuning: it must be
 * made once, and the history it ran must be the one measurement and verification would run.
 */
class SharedPreparationTest {

  private static final Scenario WEEK = ScenarioLoader.load("campus16")
      .withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11));
  private static final MpcParameters THREE_WEEKS = new MpcParameters(
      MpcParameters.DEFAULTS.historyWeather(), LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 21),
      7, 5, 0.9, MpcParameters.DEFAULTS.settings());

  @Test
  void callersAtOnceGetTheOnePreparation_whoseHistoryIsTheBaselinesOwnRun() {
    Supplier<MpcSetup.Prepared> shared = MpcSetup.shared(WEEK.withSeed(1), THREE_WEEKS);
    CompletableFuture<MpcSetup.Prepared> first = CompletableFuture.supplyAsync(shared);
    CompletableFuture<MpcSetup.Prepared> second = CompletableFuture.supplyAsync(shared);
    MpcSetup.Prepared p = first.join();

    assertThat(second.join()).isSameAs(p);
    assertThat(shared.get()).isSameAs(p);
    assertThat(p.models()).hasSize(16);
    // The recorder only listens: the history under it is the heating curve's run, step for step,
    // whatever the evaluation's seed.
    Scenario history = MpcSetup.historyScenario(WEEK.withSeed(2), THREE_WEEKS);
    RunResult bare = new Simulation(history).run(new HeatingCurveController(history.baseline()));
    assertThat(p.historyRun().steps()).isEqualTo(bare.steps());
    assertThat(p.historyRun().heatKw()).isDeepEqualTo(bare.heatKw());
    assertThat(p.historyRun().meterKwh15()).isDeepEqualTo(bare.meterKwh15());
  }
}
