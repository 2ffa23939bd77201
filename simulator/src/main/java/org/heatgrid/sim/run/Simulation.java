package org.heatgrid.sim.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.fallback.LocalFallback;
import org.heatgrid.sim.plant.Plant;
import org.heatgrid.sim.plant.StepResult;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * The closed loop of a scenario: each control step the controller gets the gateways' telemetry
 * of the last step and a fresh weather forecast, and its commands drive the plant for one step.
 * A missing or invalid command runs the gateway's local fallback curve and is counted; a
 * controller that throws gets the fallback for every building and is counted, and the run goes on.
 */
public final class Simulation {

  private static final Logger LOG = Logger.getLogger(Simulation.class.getName());
  // Forecast errors use their own seed so that they are independent of the plant's disturbances.
  private static final long FORECAST_SEED_MIX = 0x5DEECE66DL;

  private final Scenario scenario;

  public Simulation(Scenario scenario) {
    this.scenario = scenario;
  }

  /** The site as the controller sees it. */
  public static Site site(Scenario s, List<BuildingInfo> buildings) {
    return new Site(s.name(), s.zone(), s.controlStep(), s.tariff(), s.holidays(), buildings);
  }

  public RunResult run(Controller controller) {
    return run(controller, ProgressListener.NONE);
  }

  public RunResult run(Controller controller, ProgressListener progress) {
    long wallStart = System.nanoTime();
    Plant plant = new Plant(scenario.buildings(), scenario.weather(), scenario.holidays(), scenario.seed());
    List<BuildingInfo> infos = plant.buildingInfos();
    controller.start(site(scenario, infos));
    Duration step = scenario.controlStep();
    ForecastGenerator forecasts = new ForecastGenerator(scenario.weather(), scenario.forecastError(),
        scenario.seed() ^ FORECAST_SEED_MIX, step, scenario.forecastHorizon());
    LocalDateTime first = scenario.from().minusDays(scenario.warmupDays()).atStartOfDay();
    LocalDateTime recordFrom = scenario.from().atStartOfDay();
    LocalDateTime end = scenario.to().plusDays(1).atStartOfDay();
    long stepS = step.toSeconds();
    int recorded = (int) (Duration.between(recordFrom, end).toSeconds() / stepS);
    long total = Duration.between(first, end).toSeconds() / stepS;
    int n = infos.size();
    Recorder recorder = new Recorder(n, plant.zonesPerBuilding(), recorded);
    StepResult out = new StepResult(n, plant.zonesPerBuilding());
    Command[] commands = new Command[n];
    Map<String, Telemetry> telemetry = new HashMap<>();
    boolean[] fellBack = new boolean[n];
    long fallbacks = 0;
    long failures = 0;
    long controllerNanos = 0;
    long done = 0;
    boolean ideal = controller instanceof IdealHeating;
    for (LocalDateTime t = first; t.isBefore(end); t = t.plusSeconds(stepS)) {
      boolean recording = !t.isBefore(recordFrom);
      if (t.equals(recordFrom)) {
        plant.resetMeters();
      }
      Instant instant = t.atZone(scenario.zone()).toInstant();
      Observation obs = new Observation(instant, t, step, telemetry, forecasts.forecast(t, instant));
      long c0 = System.nanoTime();
      Decision decision;
      try {
        decision = controller.decide(obs);
      } catch (RuntimeException e) {
        if (recording) {
          failures++;
        }
        LOG.log(Level.WARNING, "controller " + controller.name() + " failed at " + t
            + "; all buildings run their fallback curve", e);
        decision = new Decision(Map.of());
      }
      if (recording) {
        controllerNanos += System.nanoTime() - c0;
      }
      for (int b = 0; ideal && b < n; b++) {
        commands[b] = IdealHeating.NONE;
      }
      for (int b = 0; !ideal && b < n; b++) {
        BuildingInfo info = infos.get(b);
        Command c = decision == null ? null : decision.command(info.id());
        fellBack[b] = c == null || !c.isValid();
        if (fellBack[b]) {
          Telemetry last = telemetry.get(info.id());
          double outdoor = last != null ? last.outdoorC() : obs.forecast().outdoorC(0);
          c = LocalFallback.command(outdoor, info.supplyMaxC());
          if (recording) {
            fallbacks++;
          }
        }
        commands[b] = c;
      }
      if (ideal) {
        plant.advanceIdeal(t, step, out);
      } else {
        plant.advance(t, step, commands, out);
      }
      if (controller instanceof TruthObserver oracle) {
        oracle.truth(plant.zoneAirC(), out.spaceHeatKw.clone(), out.hotWaterKw.clone());
      }
      telemetry = new HashMap<>();
      Telemetry[] measured = new Telemetry[n];
      for (int b = 0; b < n; b++) {
        measured[b] = fellBack[b] ? withFallback(plant.telemetry(b)) : plant.telemetry(b);
        telemetry.put(measured[b].buildingId(), measured[b]);
      }
      if (recording) {
        recorder.record(out, commands, measured);
      }
      progress.progress(++done, total);
    }
    double[][] meters = new double[n][];
    for (int b = 0; b < n; b++) {
      meters[b] = plant.meterKwh15(b);
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    RunResult.Stats stats = new RunResult.Stats(controllerNanos / 1e9, wall,
        (double) total * stepS, fallbacks, failures);
    return recorder.result(scenario, controller.name(), infos, recordFrom, step, meters, stats);
  }

  private static Telemetry withFallback(Telemetry m) {
    return new Telemetry(m.buildingId(), m.heatKw(), m.primarySupplyC(), m.primaryReturnC(),
        m.primaryFlowM3h(), m.secondarySupplyC(), m.secondaryReturnC(), m.secondaryFlowM3h(),
        m.zoneTempsC(), m.outdoorC(), true);
  }
}
