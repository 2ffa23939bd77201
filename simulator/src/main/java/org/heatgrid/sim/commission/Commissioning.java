package org.heatgrid.sim.commission;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.CurveTrim;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.kpi.Kpis;
import org.heatgrid.sim.plant.BuildingSpec;
import org.heatgrid.sim.run.ProgressListener;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;

/**
 * The commissioning rule. For each building and each slope in {@link #SLOPES}, bisection finds
 * the lowest parallel shift whose occupied-hour under-temperature (discomfort below the comfort
 * band) over the commissioning run is at most the target; of those, the trim with the least heat
 * wins. Shifts are rounded up to 0.1 K. Over-temperature does not enter the rule: it is what a
 * lower curve cures.
 *
 * <p>Under the baseline the buildings do not interact (independent substations, independent
 * random streams), so one simulation tries a candidate for every building at once.
 */
public final class Commissioning {

  /** Slope factors tried. */
  public static final double[] SLOPES = {0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2};
  /** The seed of the commissioning runs of the shipped trims (the evaluation's is another). */
  public static final long DEFAULT_SEED = 1;
  /** The shipped trims' target: occupied-hour under-temperature per zone over the run, K*h. */
  public static final double DEFAULT_TARGET_KH = 3;
  static final double SHIFT_LOW = -12;
  static final double SHIFT_HIGH = 6;
  static final int BISECTIONS = 8;

  private final Scenario scenario;
  private final double targetKh;

  /**
   * @param scenario the commissioning run: its period, weather and seed
   * @param targetKh allowed occupied-hour discomfort per zone over the run, K*h
   */
  public Commissioning(Scenario scenario, double targetKh) {
    this.scenario = scenario;
    this.targetKh = targetKh;
  }

  /**
   * A building's chosen trim with the figures of its commissioning run.
   *
   * @param underKh occupied-hour discomfort below the band, K*h per zone
   */
  public record Result(CurveTrim trim, double energyMwh, double underKh) {}

  /** Finds a trim per building id; {@code progress} counts simulations. */
  public Map<String, Result> run(ProgressListener progress) {
    List<BuildingSpec> buildings = scenario.buildings();
    int total = SLOPES.length * (BISECTIONS + 1);
    int done = 0;
    Map<String, Result> best = new LinkedHashMap<>();
    for (double slope : SLOPES) {
      Map<String, double[]> bracket = new HashMap<>();
      buildings.forEach(b -> bracket.put(b.id(), new double[] {SHIFT_LOW, SHIFT_HIGH}));
      for (int i = 0; i < BISECTIONS; i++) {
        Map<String, CurveTrim> trial = new HashMap<>();
        bracket.forEach((id, lh) -> trial.put(id, new CurveTrim((lh[0] + lh[1]) / 2, slope)));
        Trial k = simulate(trial);
        bracket.forEach((id, lh) -> {
          double mid = (lh[0] + lh[1]) / 2;
          if (k.underKh.get(id) <= targetKh) {
            lh[1] = mid;
          } else {
            lh[0] = mid;
          }
        });
        progress.progress(++done, total);
      }
      Map<String, CurveTrim> chosen = new HashMap<>();
      bracket.forEach((id, lh) -> chosen.put(id, new CurveTrim(Math.ceil(lh[1] * 10) / 10, slope)));
      Trial k = simulate(chosen);
      progress.progress(++done, total);
      for (BuildingSpec b : buildings) {
        KpiSet s = k.kpis.buildings().get(b.id());
        Result r = new Result(chosen.get(b.id()), s.energyMwh(), k.underKh.get(b.id()));
        Result old = best.get(b.id());
        boolean meets = r.underKh() <= targetKh;
        boolean oldMeets = old != null && old.underKh() <= targetKh;
        if (old == null || (meets && (!oldMeets || r.energyMwh() < old.energyMwh()))
            || (!meets && !oldMeets && r.underKh() < old.underKh())) {
          best.put(b.id(), r);
        }
      }
    }
    return best;
  }

  private record Trial(KpiReport kpis, Map<String, Double> underKh) {}

  private Trial simulate(Map<String, CurveTrim> trims) {
    BaselineSettings settings = scenario.baseline().withTrims(trims);
    RunResult r = new Simulation(scenario).run(new HeatingCurveController(settings));
    Map<String, Double> under = new HashMap<>();
    double stepH = r.step().toSeconds() / 3600.0;
    for (int b = 0; b < r.buildings().size(); b++) {
      under.put(r.buildings().get(b).id(), underTemperatureKh(r, b, stepH));
    }
    return new Trial(KpiReport.of(r), under);
  }

  /** Occupied-hour discomfort below the comfort band, K*h, mean over the building's zones. */
  public static double underTemperatureKh(RunResult r, int b, double stepH) {
    double low = r.buildings().get(b).comfort().occupiedLowC();
    double[] lows = new double[r.steps()];
    double[] highs = new double[r.steps()];
    java.util.Arrays.fill(lows, low);
    java.util.Arrays.fill(highs, Double.POSITIVE_INFINITY);
    double s = 0;
    double[][] zones = r.zoneAirC()[b];
    for (double[] z : zones) {
      s += Kpis.discomfortKh(z, lows, highs, r.occupied()[b], stepH);
    }
    return s / zones.length;
  }
}
