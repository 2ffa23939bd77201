package org.heatgrid.forecast.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.forecast.nn.Backend;

/**
 * Holds the served model and data. Loaded once at start-up and again only on an explicit reload;
 * requests read the current {@link ServedModel} through a volatile field, so a reload never blocks
 * or half-changes a forecast in flight.
 *
 * <p>A model that cannot be loaded does not stop the service: it starts, reports the reason in
 * readiness, and answers forecasts with 503, so an orchestrator sees why instead of a crash loop,
 * and a reload after fixing the store brings it up without a restart.
 */
@ApplicationScoped
public class ModelHolder {

  private static final Logger LOG = Logger.getLogger(ModelHolder.class.getName());

  private final ForecastConfig config;
  private volatile ServedModel served;
  private volatile String failure = "the model is not loaded yet";

  public ModelHolder(ForecastConfig config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    try {
      LOG.log(Level.INFO, Backend.describe());
    } catch (RuntimeException | LinkageError e) {
      // No usable ND4J backend (e.g. the native library does not load): loading will say why too.
      LOG.log(Level.SEVERE, String.format("ND4J backend unavailable: %s", e.toString()));
    }
    try {
      reload();
    } catch (ReloadFailedException e) {
      LOG.log(Level.SEVERE, String.format("serving no model: %s", e.getMessage()));
    }
  }

  /**
   * Reads the configured version (or the store's CURRENT one, which a new training run moves) and
   * the data file again, and serves them if both load.
   *
   * @throws ReloadFailedException when they do not; whatever was served before stays served
   */
  public synchronized ServedModel reload() {
    long t0 = System.nanoTime();
    ServedModel next;
    try {
      next = ServedModel.load(config);
    } catch (RuntimeException | LinkageError e) {
      String reason = "cannot load model " + config.model()
          + config.version().map(v -> " version " + v).orElse("") + " with data " + config.data()
          + ": " + e.getMessage();
      ServedModel kept = served;
      if (kept == null) {
        failure = reason;
      }
      throw new ReloadFailedException(reason + (kept == null ? "; no model is served"
          : "; still serving " + kept.version()));
    }
    served = next;
    failure = null;
    Object trainedZone = next.model().info().training().get("zone");
    if (trainedZone != null && !trainedZone.equals(config.zone().getId())) {
      // Calendar inputs (weekday, holidays, issue hour) are local times: another zone shifts them.
      LOG.log(Level.WARNING,
          String.format("model %s was trained in zone %s but heatgrid.forecast.zone is %s",
              next.version(), trainedZone, config.zone().getId()));
    }
    LOG.log(Level.INFO,
        String.format("serving model %s from %s (trained %s to %s) for buildings %s; data %s: %d steps of %d min"
        + " from %s; loaded in %.1f s", next.version(), next.model().folder(),
            next.model().info().trainedFrom(), next.model().info().trainedUntil(),
            next.buildings(), next.dataFile(), next.data().length(),
            next.data().step().toMinutes(), next.data().start(), (System.nanoTime() - t0) / 1e9));
    return next;
  }

  /** The served model. @throws ModelUnavailableException with the reason when there is none */
  public ServedModel current() {
    ServedModel m = served;
    if (m == null) {
      throw new ModelUnavailableException(failure);
    }
    return m;
  }

  /** The served model, if any, for health checks. */
  public Optional<ServedModel> served() {
    return Optional.ofNullable(served);
  }

  /** Why no model is served, or null when one is. */
  public String failure() {
    return served == null ? failure : null;
  }
}
