package org.heatgrid.sim.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.loop.ControlLoop;
import org.heatgrid.control.loop.LoopIo;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.PeriodReport;
import org.heatgrid.control.loop.Recorder;
import org.heatgrid.control.loop.Setpoint;
import org.heatgrid.control.loop.SetpointOutbox;
import org.heatgrid.control.loop.TelemetryInbox;
import org.heatgrid.sim.plant.Plant;
import org.heatgrid.sim.plant.StepResult;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;
import org.heatgrid.wire.TelemetryMessage;

/**
 * The control service's {@link ControlLoop} closed over the virtual plant, in-process: each control
 * step the loop observes the telemetry the plant's meters and sensors gave for the step that just
 * ended, asks the controller, and its setpoints drive the plant for one step. The loop's own rule
 * applies to a controller that fails or leaves a building without a usable command: that building
 * gets the scenario's baseline heating curve, counted in {@link PeriodReport#curveBuildings()}.
 *
 * <p>The simulator's substations apply commands only, so the loop is told not to make plans. No
 * operator acts in a simulation: every building stays in mode auto. Not thread-safe.
 */
public final class ClosedLoop {

  private final Plant plant;
  private final List<BuildingInfo> infos;
  private final ZoneId zone;
  private final Duration step;
  private final TelemetryInbox inbox;
  private final ControlLoop loop;
  private final Map<String, Setpoint> published = new HashMap<>();
  private final Command[] commands;
  private final Telemetry[] measured;
  private long telemetrySeq;
  private PreheatSchedule preheat;

  /**
   * @param scenario the scenario (site, control step, baseline heating curve)
   * @param plant the plant the loop drives; its meters and sensors are what the loop sees
   * @param controller the controller; the loop starts it with the site at the first step
   * @param forecasts the weather forecasts the loop gets, one per step
   */
  public ClosedLoop(Scenario scenario, Plant plant, Controller controller, ForecastGenerator forecasts) {
    this.plant = plant;
    this.infos = plant.buildingInfos();
    this.zone = scenario.zone();
    this.step = scenario.controlStep();
    this.commands = new Command[infos.size()];
    this.measured = new Telemetry[infos.size()];
    Site site = Simulation.site(scenario, infos);
    Set<String> ids = infos.stream().map(BuildingInfo::id).collect(Collectors.toSet());
    this.inbox = new TelemetryInbox(ids);
    SetpointOutbox outbox = new SetpointOutbox() {
      @Override
      public void publish(Setpoint setpoint) {
        published.put(setpoint.buildingId(), setpoint);
      }

      @Override
      public boolean wantsPlans() {
        return false;
      }
    };
    LoopIo io = new LoopIo(inbox, outbox,
        now -> forecasts.forecast(LocalDateTime.ofInstant(now, zone), now), Recorder.NONE);
    // The loop is driven by runOnce with the step's instant; its clock is never read.
    this.loop = new ControlLoop(LoopSettings.of(step, 0), Clock.systemUTC(), controller,
        new HeatingCurveController(scenario.baseline()), io, new OperatorState(site, entry -> {}));
  }

  /**
   * Runs the control loop at local time {@code t} and advances the plant one control step under
   * its setpoints (or, for an ideal plant, under the ideal heat source), then hands the step's
   * telemetry to the loop's inbox for the next step.
   *
   * @param ideal the ideal heat source to advance the plant with instead of the setpoints, or
   *     null
   * @return the loop's figures of the period
   */
  public PeriodReport step(LocalDateTime t, StepResult out, IdealHeating ideal) {
    Instant at = t.atZone(zone).toInstant();
    published.clear();
    PeriodReport report = loop.runOnce(at);
    for (int b = 0; b < infos.size(); b++) {
      Setpoint s = published.get(infos.get(b).id());
      commands[b] = ideal != null ? IdealHeating.NONE : s.command();
    }
    if (ideal != null) {
      if (ideal.isCostAware()) {
        if (preheat == null) {
          preheat = new PreheatSchedule(ideal);
        }
        preheat.before(plant, t);
      }
      plant.advanceIdeal(t, step, ideal::marginK, out);
    } else {
      plant.advance(t, step, commands, out);
    }
    Instant end = at.plus(step);
    for (int b = 0; b < infos.size(); b++) {
      measured[b] = plant.telemetry(b);
      inbox.offer(new TelemetryMessage(telemetrySeq, at, end, measured[b]));
    }
    telemetrySeq++;
    return report;
  }

  /** The commands the plant ran in the last step, in site order (shared; do not keep). */
  public Command[] commands() {
    return commands;
  }

  /** The telemetry of the last step, in site order (shared; do not keep). */
  public Telemetry[] measured() {
    return measured;
  }
}
