package org.heatgrid.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.sim.plant.Plant;
import org.heatgrid.sim.plant.StepResult;
import org.heatgrid.sim.run.ClosedLoop;
import org.heatgrid.sim.run.Recorder;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * The simulator's plant driven by what the gateways apply, on the run's simulated time.
 *
 * <p>The plant advances in whole control steps, lazily: {@link #advanceTo} simulates every step
 * that has ended by the given instant, each under the commands the gateways held when it was
 * simulated. A gateway's {@link PlantSubstation} advances the plant before it reads telemetry or
 * applies a new command, so a step's telemetry is complete when it is sent and a new command never
 * reaches back into a step that has already begun. A driver thread calls {@link #advanceTo} too,
 * so time moves on even when no gateway acts.
 *
 * <p>Before the live period the plant runs the scenario's warm-up days under the baseline, as
 * {@link Simulation} does (the same {@link ClosedLoop}), so the live run and the baseline reference
 * start from the same state.
 * Thread-safe (one lock).
 */
final class LivePlant {

  private final Scenario scenario;
  private final Plant plant;
  private final List<BuildingInfo> infos;
  private final Site site;
  private final Duration step;
  private final Command[] commands;
  private final StepResult out;
  private final Recorder record;
  private final Consumer<Recorder> afterStep;
  private final LocalDateTime recordFrom;
  private LocalDateTime next;
  private boolean history;

  /**
   * Builds the plant and runs the scenario's warm-up days under {@code controller}, in-process, as
   * {@link Simulation} would for a run of that controller (its baseline reference has its own
   * warm-up under the baseline): the controller's state (damped outdoor temperature, observers)
   * and the buildings' are settled when the live period starts.
   *
   * @param liveFrom first live day: the scenario's first day, or earlier for a history period
   *     (a site's commissioning under the heating curve) that runs live but is not recorded
   * @param forecasts the weather forecasts the controller gets (those of the simulator)
   * @param steps live steps to record; the plant stops advancing after them
   * @param afterStep called (under the lock) after every recorded step
   */
  LivePlant(Scenario scenario, LocalDate liveFrom, Controller controller,
      ForecastGenerator forecasts, int steps, Consumer<Recorder> afterStep) {
    this.scenario = scenario;
    this.plant = new Plant(scenario.buildings(), scenario.weather(), scenario.holidays(),
        scenario.seed());
    this.infos = plant.buildingInfos();
    this.site = Simulation.site(scenario, infos);
    this.step = scenario.controlStep();
    this.commands = new Command[infos.size()];
    this.out = new StepResult(infos.size(), plant.zonesPerBuilding());
    this.afterStep = afterStep;
    this.recordFrom = scenario.from().atStartOfDay();
    this.next = liveFrom.atStartOfDay();
    this.history = next.isBefore(recordFrom);
    warmUp(controller, forecasts);
    this.record = new Recorder(infos.size(), plant.zonesPerBuilding(), steps);
  }

  /** The warm-up days through the same closed loop as a simulation's; the meters start after. */
  private void warmUp(Controller controller, ForecastGenerator forecasts) {
    ClosedLoop loop = new ClosedLoop(scenario, plant, controller, forecasts);
    LocalDateTime end = next;
    for (LocalDateTime t = end.minusDays(scenario.warmupDays()); t.isBefore(end); t = t.plus(step)) {
      loop.step(t, out, null);
    }
    System.arraycopy(loop.commands(), 0, commands, 0, commands.length);
    plant.resetMeters();
  }

  /** The site as the controller sees it (no thermal parameters). */
  Site site() {
    return site;
  }

  List<BuildingInfo> buildings() {
    return infos;
  }

  int index(String buildingId) {
    for (int b = 0; b < infos.size(); b++) {
      if (infos.get(b).id().equals(buildingId)) {
        return b;
      }
    }
    throw new IllegalArgumentException("no building " + buildingId + " in " + scenario.name());
  }

  /** Simulates every step that has ended by {@code now}; returns true while steps remain. */
  synchronized boolean advanceTo(Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, scenario.zone());
    while (!record.full() && !next.plus(step).isAfter(local)) {
      if (history && next.equals(recordFrom)) {
        // The history period is over: the KPIs' meters start here, as the reference's do.
        plant.resetMeters();
        history = false;
      }
      plant.advance(next, step, commands, out);
      if (next.isBefore(recordFrom)) {
        next = next.plus(step);
        continue;
      }
      Telemetry[] measured = new Telemetry[infos.size()];
      for (int b = 0; b < measured.length; b++) {
        measured[b] = plant.telemetry(b);
      }
      record.record(out, commands, measured);
      next = next.plus(step);
      afterStep.accept(record);
    }
    return !record.full();
  }

  /** The command the gateway of building {@code b} applies from {@code now} on. */
  synchronized void apply(int b, Command c, Instant now) {
    advanceTo(now);
    commands[b] = c;
  }

  /** The readings of building {@code b} over the last simulated step. */
  synchronized Telemetry telemetry(int b, Instant now) {
    advanceTo(now);
    return plant.telemetry(b);
  }

  /** What the run recorded, as the simulator's result type (for the KPIs). */
  synchronized RunResult result(String controller, RunResult.Stats stats) {
    double[][] meters = new double[infos.size()][];
    for (int b = 0; b < meters.length; b++) {
      meters[b] = plant.meterKwh15(b);
    }
    return record.result(scenario, controller, infos, scenario.from().atStartOfDay(), step, meters,
        stats);
  }

  synchronized Recorder record() {
    return record;
  }
}
