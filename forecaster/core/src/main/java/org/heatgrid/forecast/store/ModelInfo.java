package org.heatgrid.forecast.store;

import java.util.Map;
import org.heatgrid.forecast.nn.FeatureSpec;
import org.heatgrid.forecast.nn.Scaling;

/**
 * What a stored model is: everything in model.json beside the network.
 *
 * @param version folder name, e.g. {@code v0003}
 * @param created ISO-8601 instant of saving
 * @param spec feature specification (inputs, grid, buildings, holidays)
 * @param scaling normalisation fitted on the training data
 * @param trainedFrom first training step's time (ISO-8601)
 * @param trainedUntil end of the training period, exclusive (ISO-8601)
 * @param dataSha256 hash of the training data (ids, grid and values before the end)
 * @param training figures of the training run (samples, epochs, loss, seconds, settings)
 * @param metrics evaluation figures when known (e.g. a backtest's), else empty
 * @param backend ND4J backend the model was trained on
 */
public record ModelInfo(
    String version,
    String created,
    FeatureSpec spec,
    Scaling scaling,
    String trainedFrom,
    String trainedUntil,
    String dataSha256,
    Map<String, Object> training,
    Map<String, Object> metrics,
    String backend) {

  public ModelInfo {
    training = training == null ? Map.of() : Map.copyOf(training);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }
}
