package org.heatgrid.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.store.DataHash;
import org.heatgrid.forecast.store.ModelInfo;
import org.heatgrid.forecast.store.ModelStore;

/** Saves a fitted network with the facts of its training into a model store. */
final class ModelFiles {

  private ModelFiles() {}

  static Path save(Path store, NetworkForecaster net, MeterData d, int trainEnd, ZoneId zone,
      Map<String, Object> metrics) {
    Map<String, Object> training = new LinkedHashMap<>();
    java.util.List<Map<String, Object>> members = new java.util.ArrayList<>();
    for (var r : net.reports()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("samples", r.samples());
      m.put("validation_samples", r.validationSamples());
      m.put("epochs", r.epochs());
      m.put("best_epoch", r.bestEpoch());
      m.put("best_validation_loss", r.bestValidationLoss());
      m.put("seconds", r.seconds());
      members.add(m);
    }
    training.put("members", members);
    training.put("zone", zone.getId());
    ModelInfo info = new ModelInfo(null, Instant.now().toString(), net.spec(), net.scaling(),
        d.time(0).toString(), d.time(trainEnd).toString(), DataHash.sha256(d, trainEnd), training,
        metrics, Backend.name());
    return ModelStore.save(store, net, info);
  }
}
