package org.heatgrid.sim.mpc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.NetworkLoadForecast;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.heatgrid.forecast.store.DataHash;
import org.heatgrid.forecast.store.ModelInfo;
import org.heatgrid.forecast.store.ModelStore;
import org.heatgrid.sim.scenario.Scenario;

/**
 * The MPC's hot-water network for a scenario, trained on its prepared history. Training takes
 * tens of seconds, so the trained network is kept in a model store named by the hash of its
 * training data and settings (default {@code runs/hot-water-models}; the system property
 * {@code heatgrid.hot-water-models} sets another folder, {@code none} turns the cache off): the
 * same history and settings give the same network, so a stored one is reused.
 */
public final class HotWaterNetwork {

  private static final Logger LOG = Logger.getLogger(HotWaterNetwork.class.getName());
  /** Hours between training issues (and the MPC's network forecasts), from local midnight. */
  static final int STRIDE_HOURS = 3;
  static final int MEMBERS = 2;
  static final long SEED = 42;

  private HotWaterNetwork() {}

  public static TrainingSettings settings(Scenario evaluation) {
    return NetworkLoadForecast.settings(evaluation.holidays(), STRIDE_HOURS, MEMBERS, SEED);
  }

  /** Trained on the history's hourly uncontrolled load; the history profile answers until it is ready. */
  public static NetworkLoadForecast forecast(Scenario evaluation, MpcSetup.Prepared prepared) {
    return forecast(evaluation, prepared, settings(evaluation));
  }

  /** The same with other training settings (the backtest's experiments). */
  public static NetworkLoadForecast forecast(Scenario evaluation, MpcSetup.Prepared prepared,
      TrainingSettings s) {
    MeterData data = NetworkLoadForecast.withLoad(prepared.hotWaterHistory());
    String cache = System.getProperty("heatgrid.hot-water-models", "runs/hot-water-models");
    if (data.buildings().isEmpty() || cache.equals("none")) {
      return NetworkLoadForecast.train(data, evaluation.zone(), s, prepared.hotWater());
    }
    String hash = DataHash.sha256(data, data.length());
    Path store = Path.of(cache, hash.substring(0, 16) + "-" + key(s));
    if (Files.isRegularFile(store.resolve("CURRENT"))) {
      try {
        NetworkForecaster f = ModelStore.load(store).forecaster();
        LOG.info(() -> "hot-water network loaded from " + store);
        return new NetworkLoadForecast(f, s.issueStrideHours(), prepared.hotWater());
      } catch (RuntimeException e) {
        LOG.warning(() -> "cannot load the hot-water network from " + store + " (" + e.getMessage() + "); training");
      }
    }
    NetworkLoadForecast trained = NetworkLoadForecast.train(data, evaluation.zone(), s, prepared.hotWater());
    NetworkForecaster f = trained.network();
    try {
      ModelStore.save(store, f, new ModelInfo(null, Instant.now().toString(), f.spec(), f.scaling(),
          data.time(0).toString(), data.time(data.length()).toString(), hash,
          Map.of("settings", s.toString()), Map.of(), Backend.name()));
    } catch (RuntimeException e) {
      LOG.warning(() -> "cannot store the hot-water network in " + store + ": " + e.getMessage());
    }
    return trained;
  }

  /** The settings that change the trained network, as a short folder-name part. */
  private static String key(TrainingSettings s) {
    String all = String.format(Locale.ROOT, "%d|%d|%g|%g|%d|%d|%d|%g|%d|%d|%d|%d|%d|%s", s.hidden(),
        s.layers(), s.learningRate(), s.l2(), s.batch(), s.maxEpochs(), s.patience(), s.validationShare(),
        s.issueStrideHours(), s.horizonHours(), s.seed(), s.members(), s.correctionDays(), s.holidays().name());
    return String.format("%08x", all.hashCode());
  }
}
