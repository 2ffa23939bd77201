package org.heatgrid.app.fleet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.plant.Plant;
import org.heatgrid.sim.plant.StepResult;
import org.heatgrid.sim.run.ClosedLoop;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;

/**
 * One site's virtual plant (the simulator's {@link Plant}), driven lazily by its gateways on the
 * shared simulated clock, as {@code org.heatgrid.app.LivePlant} drives the campus of {@code
 * ./heatgrid run}: {@link #advanceTo} simulates every whole control step that has ended by the
 * given instant, each under the commands the gateways held when it was simulated; a gateway
 * advances it before it reads telemetry or applies a command. Unlike the live run it keeps no
 * record for KPIs (the bench measures delivery, not savings). Before the live period it runs the
 * scenario's warm-up days under the commissioned heating curve through the simulator's {@link
 * ClosedLoop}. Thread-safe (one lock per site).
 */
final class SitePlant {

  private final Plant plant;
  private final List<BuildingInfo> infos;
  private final ZoneId zone;
  private final Duration step;
  private final Command[] commands;
  private final StepResult out;
  private LocalDateTime next;
  private long steps;

  /**
   * @param scenario the site's scenario (its seed is the plant's)
   * @param liveFrom the first live instant (local time of the scenario's zone), a step boundary
   * @param forecasts the warm-up controller's weather forecasts
   */
  SitePlant(Scenario scenario, LocalDateTime liveFrom, ForecastGenerator forecasts) {
    this.plant = new Plant(scenario.buildings(), scenario.weather(), scenario.holidays(),
        scenario.seed());
    this.infos = plant.buildingInfos();
    this.zone = scenario.zone();
    this.step = scenario.controlStep();
    this.commands = new Command[infos.size()];
    this.out = new StepResult(infos.size(), plant.zonesPerBuilding());
    this.next = liveFrom;
    ClosedLoop loop = new ClosedLoop(scenario, plant,
        new HeatingCurveController(scenario.baseline()), forecasts);
    for (LocalDateTime t = liveFrom.minusDays(scenario.warmupDays()); t.isBefore(liveFrom);
        t = t.plus(step)) {
      loop.step(t, out, null);
    }
    System.arraycopy(loop.commands(), 0, commands, 0, commands.length);
    plant.resetMeters();
  }

  List<BuildingInfo> buildings() {
    return infos;
  }

  /** Simulates every step that has ended by {@code now}. */
  synchronized void advanceTo(Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    while (!next.plus(step).isAfter(local)) {
      plant.advance(next, step, commands, out);
      next = next.plus(step);
      steps++;
    }
  }

  /** The command building {@code b}'s gateway applies from {@code now} on. */
  synchronized void apply(int b, Command c, Instant now) {
    advanceTo(now);
    commands[b] = c;
  }

  /** The readings of building {@code b} over the last simulated step. */
  synchronized Telemetry telemetry(int b, Instant now) {
    advanceTo(now);
    return plant.telemetry(b);
  }

  /** Steps simulated live. */
  synchronized long steps() {
    return steps;
  }
}
