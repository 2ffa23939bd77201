package org.heatgrid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.junit.jupiter.api.Test;

class LivePlantTest {

  /**
   * The live plant driven step by step like the gateways drive it (commands applied after the
   * step's start, telemetry read at its end) gives the simulator's own baseline run: same
   * warm-up, same physics, same heat.
   */
  @Test
  void baselineAppliedStepByStep_equalsTheSimulatorsBaselineRun() {
    Scenario s = ScenarioLoader.load("campus16").withPeriod(LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 1, 5));
    RunResult reference = new Simulation(s).run(new HeatingCurveController(s.baseline()));
    ForecastGenerator forecasts = Simulation.forecasts(s);
    HeatingCurveController baseline = new HeatingCurveController(s.baseline());
    LivePlant plant = new LivePlant(s, s.from(), baseline, forecasts, reference.steps(), r -> {});
    RunningSavings savings = new RunningSavings(reference, plant.buildings());
    Duration step = s.controlStep();
    Map<String, Telemetry> telemetry = new HashMap<>(); // the last warm-up step's, as the simulator has
    for (BuildingInfo b : plant.buildings()) {
      telemetry.put(b.id(), plant.telemetry(plant.index(b.id()), s.from().atStartOfDay(s.zone())
          .toInstant()));
    }
    for (LocalDateTime t = s.from().atStartOfDay(); t.isBefore(s.to().plusDays(1).atStartOfDay());
        t = t.plus(step)) {
      Instant at = t.atZone(s.zone()).toInstant();
      Decision d = baseline.decide(new Observation(at, t, step, telemetry, forecasts.forecast(t, at)));
      for (BuildingInfo b : plant.buildings()) {
        Command c = d.command(b.id());
        plant.apply(plant.index(b.id()), c, at.plusSeconds(3)); // a few seconds after the period began
      }
      Instant end = at.plus(step).plusSeconds(1);
      telemetry = new HashMap<>();
      for (BuildingInfo b : plant.buildings()) {
        telemetry.put(b.id(), plant.telemetry(plant.index(b.id()), end));
      }
      savings.update(plant.record());
    }
    assertThat(plant.record().full()).isTrue();
    RunningSavings.Snapshot k = savings.snapshot();
    assertThat(k.steps()).isEqualTo(reference.steps());
    assertThat(k.liveMwh()).isPositive().isCloseTo(k.baselineMwh(), within(1e-9 * k.baselineMwh()));
    assertThat(k.savedKrw()).isCloseTo(0, within(1e-6));
  }
}
