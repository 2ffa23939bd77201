package org.heatgrid.sim.mpc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.control.mpc.MpcSettings;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.control.mpc.TelemetryRecorder;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.control.mpc.model.IdentificationException;
import org.heatgrid.control.mpc.model.IdentifiedModel;
import org.heatgrid.control.mpc.model.IdentifiedTwoState;
import org.heatgrid.control.mpc.model.ModelIdentifier;
import org.heatgrid.control.mpc.solver.StructuredSolver;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.HotWaterProfile;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.EpwReader;

/**
 * Prepares a scenario's MPC as a real deployment would be: the baseline runs the campus through
 * a history period (other weather, other seed), the MPC's recorder keeps only the telemetry the
 * gateways sent, and every building's model is identified from that record.
 */
public final class MpcSetup {

  private static final Logger LOG = Logger.getLogger(MpcSetup.class.getName());
  private static final int HOT_WATER_SLOT_MINUTES = 60;

  /**
   * The identified models and the hot-water profile, with the history they came from and the
   * history's hourly uncontrolled load (the hot-water network's training data), and the
   * buildings' histories the models were identified on; {@code historyRun} is the history's
   * baseline run itself, the former operation that measurement and verification compare with.
   */
  public record Prepared(Map<String, PlanModel> models, List<IdentifiedModel> identified,
      HotWaterProfile hotWater, String history, MeterData hotWaterHistory,
      List<BuildingHistory> buildingHistories, RunResult historyRun) {}

  private MpcSetup() {}

  /**
   * The history period of an evaluation scenario: the same campus, under other weather, in another
   * season and with another seed (honesty rule 3), as the MPC learns from it.
   */
  public static Scenario historyScenario(Scenario evaluation, MpcParameters p) {
    return evaluation
        .withWeather(p.historyWeather(), EpwReader.readResource(p.historyWeather()))
        .withPeriod(p.historyFrom(), p.historyTo())
        .withSeed(p.historySeed());
  }

  public static Prepared prepare(Scenario evaluation, MpcParameters p) {
    Scenario history = historyScenario(evaluation, p);
    TelemetryRecorder recorder = new TelemetryRecorder(new HeatingCurveController(history.baseline()))
        .from(p.historyFrom().atStartOfDay());
    RunResult historyRun = new Simulation(history).run(recorder);
    String what = "baseline on " + p.historyWeather() + ", " + p.historyFrom() + " to "
        + p.historyTo() + ", seed " + p.historySeed();
    LOG.info("MPC history: " + recorder.size() + " periods of telemetry (" + what + ")");
    Map<String, PlanModel> models = new LinkedHashMap<>();
    List<IdentifiedModel> identified = new ArrayList<>();
    List<BuildingHistory> histories = new ArrayList<>();
    for (int b = 0; b < history.buildings().size(); b++) {
      BuildingHistory h = recorder.history(b);
      histories.add(h);
      SortedSet<LocalDate> heldOut = ModelIdentifier.heldOutDays(h, p.heldOutEveryNthDay());
      IdentifiedModel m = ModelIdentifier.identify(h, heldOut);
      identified.add(m);
      PlanModel model = new PlanModel(h.buildingId(), m.model(), m.emitter(),
          recorder.zoneSpreadK(b, p.zoneSpreadQuantile()), m.heldOut());
      models.put(h.buildingId(), p.twoState() ? withTwoState(model, h, heldOut) : model);
    }
    HotWaterProfile hotWater = HotWaterProfile.fit(recorder.periodStarts(), recorder.otherHeatKw(),
        HOT_WATER_SLOT_MINUTES, history.holidays());
    return new Prepared(models, identified, hotWater, what, recorder.hourlyOtherHeat(), histories,
        historyRun);
  }

  /**
   * {@link #prepare}, run once when first asked for and then shared: the history depends on the
   * evaluation's campus, tariff and baseline and on {@code p}'s history, not on the evaluation's
   * seed, period or the MPC's settings, so every seed of a comparison and every candidate of a
   * tuning can share one (a two-state identification of a season takes about a minute).
   * Thread-safe: callers that ask at once wait for the one preparation.
   */
  public static Supplier<Prepared> shared(Scenario evaluation, MpcParameters p) {
    FutureTask<Prepared> task = new FutureTask<>(() -> prepare(evaluation, p));
    return () -> {
      // A FutureTask computes once: later and concurrent runs return at once, and get() waits.
      task.run();
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the MPC's history was prepared", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    };
  }

  /**
   * {@code model} with its building's two-state model, identified on {@code h} without the
   * {@code heldOut} days the first-order model left out; unchanged if that fit fails.
   */
  public static PlanModel withTwoState(PlanModel model, BuildingHistory h,
      Set<LocalDate> heldOut) {
    try {
      IdentifiedTwoState two = ModelIdentifier.identifyTwoState(h, heldOut, model.thermal());
      return model.withTwoState(two.model(), two.heldOut());
    } catch (IdentificationException e) {
      LOG.warning(e.getMessage() + "; building " + h.buildingId() + " planned one-state");
      return model;
    }
  }

  /**
   * The margins above the comfort band's edge that the MPC of {@code p} plans for the scenario's
   * buildings, in their order: one for all, or per building from the models' held-out errors
   * (then the models are identified from the history first).
   */
  public static double[] plannedMarginsK(Scenario evaluation, MpcParameters p) {
    return plannedMarginsK(evaluation, p, () -> prepare(evaluation, p));
  }

  /** As above, from a preparation that may be shared ({@link #shared}). */
  public static double[] plannedMarginsK(Scenario evaluation, MpcParameters p,
      Supplier<Prepared> prepared) {
    MpcSettings s = p.settings();
    return s.marginPerRmse() > 0 ? plannedMarginsK(s, prepared.get())
        : s.marginsK(new double[evaluation.buildings().size()]);
  }

  /** The margins {@code s} plans for the buildings of {@code prepared}, in their order. */
  public static double[] plannedMarginsK(MpcSettings s, Prepared prepared) {
    return s.marginsK(prepared.models().values().stream()
        .mapToDouble(m -> m.plannedHeldOut() == null ? Double.NaN
            : m.plannedHeldOut().horizonRmseK()).toArray());
  }

  /** The MPC for a scenario, prepared from its history. */
  public static MpcController controller(Scenario evaluation, MpcParameters p) {
    Prepared prepared = prepare(evaluation, p);
    return controller(evaluation, p, prepared);
  }

  public static MpcController controller(Scenario evaluation, MpcParameters p, Prepared prepared) {
    return new MpcController("mpc", prepared.models(), p.settings(), new StructuredSolver(),
        new HeatingCurveController(evaluation.baseline()), hotWaterForecast(evaluation, p, prepared));
  }

  /** The uncontrolled-load forecast {@code p} asks for. */
  public static LoadForecast hotWaterForecast(Scenario evaluation, MpcParameters p, Prepared prepared) {
    return switch (p.hotWaterForecast()) {
      case "profile" -> prepared.hotWater();
      case "network" -> HotWaterNetwork.forecast(evaluation, prepared);
      default -> throw new IllegalArgumentException("unknown hot-water forecast " + p.hotWaterForecast());
    };
  }
}
