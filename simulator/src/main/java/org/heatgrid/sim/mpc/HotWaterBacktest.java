package org.heatgrid.sim.mpc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.mpc.TelemetryRecorder;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.NetworkLoadForecast;
import org.heatgrid.forecast.metrics.ErrorSummary;
import org.heatgrid.forecast.metrics.Metrics;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.site.Site;

/**
 * Day-ahead accuracy of the MPC's hot-water forecasts over a scenario's season: both forecasts
 * are prepared from the MPC's history, see the season's observations under the baseline (hot
 * water does not depend on the controller) and forecast the next 24 h at each local midnight;
 * scored hourly against the uncontrolled load metered in the season (telemetry, as the MPC sees
 * it), for the buildings with hot water.
 *
 * @param scores per forecast name ({@code profile}, {@code network}, and {@code mean}: the mean of
 *     the two) and building id
 * @param trainingSeconds wall time of the network's training
 * @param networkAnswers building forecasts the network answered (midnight issues in the season)
 * @param fallbackAnswers building forecasts answered by the profile because the network was not ready
 */
public record HotWaterBacktest(Map<String, Map<String, ErrorSummary>> scores, double trainingSeconds,
    long networkAnswers, long fallbackAnswers) {

  public static HotWaterBacktest run(Scenario evaluation, MpcParameters p, TrainingSettings settings) {
    MpcSetup.Prepared prepared = MpcSetup.prepare(evaluation, p);
    long t0 = System.nanoTime();
    NetworkLoadForecast network = HotWaterNetwork.forecast(evaluation, prepared, settings);
    double trainingSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, LoadForecast> forecasts = new LinkedHashMap<>();
    forecasts.put("profile", prepared.hotWater());
    forecasts.put("network", network);
    LocalDateTime from = evaluation.from().atStartOfDay();
    TelemetryRecorder actual = new TelemetryRecorder(new HeatingCurveController(evaluation.baseline())).from(from);
    // Per forecast and building: hourly forecasts on the recorder's grid (from local midnight of `from`).
    int hours = (int) (evaluation.days() * 24L);
    Map<String, double[][]> issued = new LinkedHashMap<>();
    int n = evaluation.buildings().size();
    forecasts.keySet().forEach(name -> issued.put(name, new double[n][hours]));
    Controller driver = new Controller() {
      @Override
      public String name() {
        return "baseline";
      }

      @Override
      public void start(Site site) {
        forecasts.values().forEach(f -> f.start(site));
        actual.start(site);
      }

      @Override
      public Decision decide(Observation o) {
        forecasts.values().forEach(f -> f.observe(o));
        LocalDateTime t = o.localTime();
        if (!t.isBefore(from) && t.getHour() == 0 && t.getMinute() == 0) {
          int h0 = (int) java.time.Duration.between(from, t).toHours();
          int perHour = (int) (3600 / o.step().toSeconds());
          forecasts.forEach((name, f) -> {
            for (int b = 0; b < n; b++) {
              double[] q = f.loadKw(b, o, 24 * perHour);
              for (int h = 0; h < 24 && h0 + h < hours; h++) {
                double s = 0;
                for (int j = 0; j < perHour; j++) {
                  s += q[h * perHour + j];
                }
                issued.get(name)[b][h0 + h] = s / perHour;
              }
            }
          });
        }
        return actual.decide(o);
      }
    };
    new Simulation(evaluation).run(driver);
    MeterData metered = actual.hourlyOtherHeat();
    // Beside the two: their plain mean, which needs no training of its own.
    double[][] blend = new double[n][hours];
    for (int b = 0; b < n; b++) {
      for (int h = 0; h < hours; h++) {
        blend[b][h] = (issued.get("profile")[b][h] + issued.get("network")[b][h]) / 2;
      }
    }
    issued.put("mean", blend);
    Map<String, Map<String, ErrorSummary>> scores = new LinkedHashMap<>();
    for (String name : issued.keySet()) {
      Map<String, ErrorSummary> byBuilding = new LinkedHashMap<>();
      for (String id : network.buildings()) {
        int b = metered.buildingIndex(id);
        double[] a = java.util.Arrays.copyOf(metered.heatKw()[b], hours);
        byBuilding.put(id, Metrics.summary(a, issued.get(name)[b]));
      }
      scores.put(name, byBuilding);
    }
    return new HotWaterBacktest(scores, trainingSeconds, network.networkAnswers(), network.fallbackAnswers());
  }

  /** Mean of the per-building figures of one forecast: {CV(RMSE) %, NMBE %}. */
  public double[] mean(String name) {
    List<ErrorSummary> s = new ArrayList<>(scores.get(name).values());
    return new double[] {s.stream().mapToDouble(ErrorSummary::cvrmse).average().orElse(Double.NaN),
        s.stream().mapToDouble(ErrorSummary::nmbe).average().orElse(Double.NaN)};
  }
}
