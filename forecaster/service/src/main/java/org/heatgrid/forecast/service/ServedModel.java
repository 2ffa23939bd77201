package org.heatgrid.forecast.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heatgrid.forecast.data.MeterCsv;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.nn.FeatureSpec;
import org.heatgrid.forecast.store.ModelStore;

/**
 * One loaded model with the meter data it forecasts from. Immutable once built: a reload builds a
 * new one and swaps it in, so a request always sees one consistent model and data set.
 *
 * @param model the stored model
 * @param data the meter data, narrowed to the buildings the model knows
 * @param dataFile where the data came from (for logs and health)
 */
public record ServedModel(ModelStore.Loaded model, MeterData data, String dataFile) {

  /** Days of history the features read before an issue (a week ago's day plus the day before it). */
  static final int HISTORY_DAYS = 8;

  /**
   * Loads the model and the data and checks that they fit each other.
   *
   * @throws RuntimeException naming what is wrong (missing folder, unreadable CSV, other grid)
   */
  static ServedModel load(ForecastConfig config) {
    ModelStore.Loaded m = ModelStore.load(config.model(), config.version().orElse(null));
    MeterData all = MeterCsv.read(config.data()).data();
    return new ServedModel(m, fit(m.info().spec(), all, config.data().toString()),
        config.data().toString());
  }

  /**
   * The data narrowed to the model's buildings. The network's one-hot identity input only exists
   * for buildings it was trained on, so others in the file cannot be forecast; the arrays are
   * shared, not copied.
   */
  static MeterData fit(FeatureSpec spec, MeterData all, String file) {
    if (all.step().toMinutes() != spec.stepMinutes()) {
      throw new IllegalArgumentException("the model expects a " + spec.stepMinutes()
          + "-minute grid, " + file + " has " + all.step().toMinutes() + " minutes");
    }
    List<String> ids = new ArrayList<>();
    List<double[]> heat = new ArrayList<>();
    List<double[]> temp = new ArrayList<>();
    List<double[]> ghi = new ArrayList<>();
    for (int b = 0; b < all.buildings().size(); b++) {
      if (spec.buildings().contains(all.buildings().get(b))) {
        ids.add(all.buildings().get(b));
        heat.add(all.heatKw()[b]);
        temp.add(all.outdoorC()[b]);
        ghi.add(all.ghiWm2()[b]);
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(file + " has none of the model's buildings " + spec.buildings());
    }
    return new MeterData(all.start(), all.step(), ids, heat.toArray(double[][]::new),
        temp.toArray(double[][]::new), ghi.toArray(double[][]::new));
  }

  public String version() {
    return model.info().version();
  }

  public FeatureSpec spec() {
    return model.info().spec();
  }

  /** The model's own horizon in whole hours (24 for the day-ahead network). */
  public int horizonHours() {
    return spec().horizon() * spec().stepMinutes() / 60;
  }

  /** Buildings the model knows that the data has, in the data's order. */
  public List<String> buildings() {
    return data.buildings();
  }

  /**
   * Forecasts {@code steps} steps from issue step {@code issue}: every building, one batched
   * network call, or one building. The caller has checked the issue and the building.
   *
   * @param building index in {@link #data()}, or -1 for all
   * @return {@code [row][step]} kW, rows in {@link #buildings()} order (one row for one building)
   */
  double[][] forecast(int issue, int steps, int building, ZoneId zone) {
    // The network always reads the weather of its whole trained horizon, so a shorter request is
    // computed over that horizon and cut; a longer one repeats the trained day (see predictAll).
    ForecastInput in = new ForecastInput(data, issue, Math.max(steps, spec().horizon()), zone);
    double[][] kw = building < 0 ? model.forecaster().predictAll(in)
        : new double[][] {model.forecaster().predict(in, building)};
    for (int r = 0; r < kw.length; r++) {
      kw[r] = Arrays.copyOf(kw[r], steps);
    }
    return kw;
  }

  /** Start of step {@code k} of the data's grid (may lie after the data's end). */
  Instant time(int k) {
    return data.time(k);
  }
}
