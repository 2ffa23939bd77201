package org.heatgrid.sim.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.loop.PeriodReport;
import org.heatgrid.sim.plant.Plant;
import org.heatgrid.sim.plant.StepResult;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * A scenario's run: the warm-up days and the season through the control service's loop closed
 * over the virtual plant ({@link ClosedLoop}), recorded from the season's first day for the KPIs.
 * A controller that throws, or leaves a building without a usable command, gives way to the
 * baseline heating curve for that step, counted, and the run goes on.
 */
public final class Simulation {

  // Forecast errors use their own seed so that they are independent of the plant's disturbances.
  private static final long FORECAST_SEED_MIX = 0x5DEECE66DL;

  private final Scenario scenario;

  public Simulation(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * The site of a scenario as an operator would describe it to the control service (its site
   * file): the buildings' public part, no thermal parameters.
   */
  public static Site site(Scenario s) {
    return site(s, new Plant(s.buildings(), s.weather(), s.holidays(), s.seed()).buildingInfos());
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
    Duration step = scenario.controlStep();
    ClosedLoop loop = new ClosedLoop(scenario, plant, controller, forecasts(scenario));
    LocalDateTime first = scenario.from().minusDays(scenario.warmupDays()).atStartOfDay();
    LocalDateTime recordFrom = scenario.from().atStartOfDay();
    LocalDateTime end = scenario.to().plusDays(1).atStartOfDay();
    long stepS = step.toSeconds();
    int recorded = (int) (Duration.between(recordFrom, end).toSeconds() / stepS);
    long total = Duration.between(first, end).toSeconds() / stepS;
    int n = infos.size();
    Recorder recorder = new Recorder(n, plant.zonesPerBuilding(), recorded);
    StepResult out = new StepResult(n, plant.zonesPerBuilding());
    long fallbacks = 0;
    long failures = 0;
    double controllerSeconds = 0;
    long done = 0;
    IdealHeating ideal = controller instanceof IdealHeating i ? i : null;
    for (LocalDateTime t = first; t.isBefore(end); t = t.plusSeconds(stepS)) {
      boolean recording = !t.isBefore(recordFrom);
      if (t.equals(recordFrom)) {
        plant.resetMeters();
      }
      PeriodReport report = loop.step(t, out, ideal);
      if (recording) {
        controllerSeconds += report.decideSeconds();
        failures += report.controllerFailed() ? 1 : 0;
        // The ideal bound decides nothing: its plant has no substations to fall back.
        fallbacks += ideal != null ? 0 : report.curveBuildings();
      }
      if (controller instanceof TruthObserver oracle) {
        oracle.truth(plant.zoneAirC(), out.spaceHeatKw.clone(), out.hotWaterKw.clone());
      }
      if (recording) {
        recorder.record(out, loop.commands(), loop.measured());
      }
      progress.progress(++done, total);
    }
    double[][] meters = new double[n][];
    for (int b = 0; b < n; b++) {
      meters[b] = plant.meterKwh15(b);
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    RunResult.Stats stats = new RunResult.Stats(controllerSeconds, wall,
        (double) total * stepS, fallbacks, failures);
    return recorder.result(scenario, controller.name(), infos, recordFrom, step, meters, stats);
  }

  /** The weather forecasts of a scenario, with errors seeded apart from the plant's disturbances. */
  public static ForecastGenerator forecasts(Scenario scenario) {
    return new ForecastGenerator(scenario.weather(), scenario.forecastError(),
        scenario.seed() ^ FORECAST_SEED_MIX, scenario.controlStep(), scenario.forecastHorizon());
  }
}
