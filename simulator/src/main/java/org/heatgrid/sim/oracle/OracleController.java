package org.heatgrid.sim.oracle;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.control.mpc.model.IdentifiedModel;
import org.heatgrid.control.mpc.model.ModelIdentifier;
import org.heatgrid.control.mpc.solver.StructuredSolver;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.TruthObserver;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.weather.ForecastErrorLevel;
import org.heatgrid.sim.weather.ForecastGenerator;
import org.heatgrid.site.Site;

/**
 * The oracle: the same MPC and optimiser, given what no real controller has. It bounds what this
 * controller class can save; the MPC's share of the oracle's savings says how much forecast and
 * model errors cost. What it knows, exactly:
 * <ul>
 *   <li>the true weather over the horizon (forecast error level {@code none});
 *   <li>the true air temperature of every zone each period, without sensor error;
 *   <li>the true heat into each heating circuit and the true hot-water draws, past and future;
 *   <li>building models identified on the plant's true response over the evaluation period itself
 *       (a baseline run of the same scenario: same weather, same seed), so in sample;
 *   <li>the true spread between each building's mean and its coldest zone, from that run.
 * </ul>
 * It plans with the MPC's comfort margin although its readings are exact: planned at the band's
 * edge it ended with more discomfort than the baseline (campus16 season: 3.99 against 2.65 K*h
 * per zone, since the first-order models miss the zones' own dynamics), and a bound that buys its
 * savings with comfort is no bound at equal comfort.
 * It does not know the random part of internal gains ahead of time, and its models have the MPC's
 * form (first order, or two-state with {@code --plan-model two-state}), so it is a bound for this
 * class of controller, not for every controller.
 */
public final class OracleController implements Controller, TruthObserver {

  private static final long FORECAST_SEED = 1;

  private final Scenario scenario;
  private final MpcController inner;
  private final ForecastGenerator perfect;
  private Site site;
  private double[][] zoneAirC;
  private double[] spaceHeatKw;
  private double[] hotWaterKw;

  /**
   * @param baseline a baseline run of {@code scenario} (same weather and seed): the plant's true
   *     response, from which the oracle's models are identified
   */
  public OracleController(Scenario scenario, RunResult baseline, MpcParameters p) {
    this.scenario = scenario;
    Map<String, PlanModel> models = new LinkedHashMap<>();
    for (int b = 0; b < baseline.buildings().size(); b++) {
      BuildingHistory h = trueHistory(baseline, b);
      SortedSet<LocalDate> heldOut = ModelIdentifier.heldOutDays(h, p.heldOutEveryNthDay());
      IdentifiedModel m = ModelIdentifier.identify(h, heldOut);
      PlanModel model = new PlanModel(h.buildingId(), m.model(), m.emitter(),
          zoneSpread(baseline, b, p.zoneSpreadQuantile()), m.heldOut());
      models.put(h.buildingId(), p.twoState() ? MpcSetup.withTwoState(model, h, heldOut) : model);
    }
    this.perfect = new ForecastGenerator(scenario.weather(), ForecastErrorLevel.NONE, FORECAST_SEED,
        scenario.controlStep(), scenario.forecastHorizon());
    this.inner = new MpcController("oracle", models, p.settings(),
        new StructuredSolver(),
        new HeatingCurveController(scenario.baseline()), new FutureHotWater(baseline));
  }

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public void start(Site site) {
    this.site = site;
    zoneAirC = null;
    inner.start(site);
  }

  @Override
  public void truth(double[][] zoneAirC, double[] spaceHeatKw, double[] hotWaterKw) {
    this.zoneAirC = zoneAirC;
    this.spaceHeatKw = spaceHeatKw;
    this.hotWaterKw = hotWaterKw;
  }

  @Override
  public Decision decide(Observation o) {
    Map<String, Telemetry> truth = new HashMap<>();
    if (zoneAirC != null) {
      for (int b = 0; b < zoneAirC.length; b++) {
        String id = site.buildings().get(b).id();
        Telemetry seen = o.telemetry().get(id);
        double outdoor = seen != null ? seen.outdoorC() : o.forecast().outdoorC(0);
        // The circuit's readings are set so that Telemetry.spaceHeatKw gives the true heat exactly.
        truth.put(id, new Telemetry(id, spaceHeatKw[b] + hotWaterKw[b], Double.NaN, Double.NaN,
            Double.NaN, 1, 0, spaceHeatKw[b] / Telemetry.KW_PER_M3H_K,
            zoneAirC[b], outdoor, false));
      }
    }
    Observation known = new Observation(o.time(), o.localTime(), o.step(), truth,
        perfect.forecast(o.localTime(), o.time()));
    return inner.decide(known);
  }

  /** Periods the oracle's MPC fell back to the curve, by reason. */
  public Map<String, Long> fallbackReasons() {
    return inner.fallbackReasons();
  }

  public MpcController mpc() {
    return inner;
  }

  static BuildingHistory trueHistory(RunResult r, int b) {
    int n = r.steps();
    LocalDateTime[] starts = new LocalDateTime[n];
    double[] indoor = new double[n];
    boolean[] occupied = new boolean[n];
    for (int k = 0; k < n; k++) {
      starts[k] = r.timeOf(k);
      // Means over a step stand in for end-of-step readings: the oracle's only approximation.
      indoor[k] = k + 1 < n ? (r.meanIndoorC(b, k) + r.meanIndoorC(b, k + 1)) / 2 : r.meanIndoorC(b, k);
      occupied[k] = r.occupied()[b][k];
    }
    return new BuildingHistory(r.buildings().get(b).id(), r.step().toSeconds() / 3600.0, starts,
        r.spaceHeatKw()[b].clone(), indoor, r.outdoorC().clone(), r.ghiWm2().clone(), occupied,
        r.supplyC()[b].clone(), r.returnC()[b].clone());
  }

  static double zoneSpread(RunResult r, int b, double quantile) {
    double[][] zones = r.zoneAirC()[b];
    double[] gaps = new double[r.steps()];
    int m = 0;
    for (int k = 0; k < r.steps(); k++) {
      if (!r.occupied()[b][k]) {
        continue;
      }
      double min = Double.POSITIVE_INFINITY;
      for (double[] z : zones) {
        min = Math.min(min, z[k]);
      }
      gaps[m++] = r.meanIndoorC(b, k) - min;
    }
    return SiteHistory.zoneSpread(gaps, m, quantile);
  }

  /** The true hot-water draws of the evaluation period, read ahead. */
  private static final class FutureHotWater implements LoadForecast {
    private final double[][] kw;
    private final LocalDateTime start;
    private final Duration step;

    FutureHotWater(RunResult r) {
      this.kw = r.hotWaterKw();
      this.start = r.start();
      this.step = r.step();
    }

    @Override
    public double[] loadKw(int b, Observation o, int steps) {
      double[] out = new double[steps];
      long first = Duration.between(start, o.localTime()).toSeconds() / step.toSeconds();
      for (int k = 0; k < steps; k++) {
        long i = first + k;
        out[k] = i >= 0 && i < kw[b].length ? kw[b][(int) i] : 0;
      }
      return out;
    }
  }
}
