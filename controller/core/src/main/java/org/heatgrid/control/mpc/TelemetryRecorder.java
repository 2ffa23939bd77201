package org.heatgrid.control.mpc;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * Runs a controller and keeps what it was shown: the history a real MPC would collect from its
 * gateways before it takes over (telemetry, the observed weather, schedules). Nothing else goes
 * into model identification, so the identified models cannot know more than telemetry tells.
 */
public final class TelemetryRecorder implements Controller {

  private final Controller inner;
  private SiteHistory history;
  private double previousGhi = Double.NaN;
  private LocalDateTime recordFrom = LocalDateTime.MIN;

  public TelemetryRecorder(Controller inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** Telemetry of periods that start before {@code t} is not kept (a warm-up). */
  public TelemetryRecorder from(LocalDateTime t) {
    recordFrom = t;
    return this;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void start(Site site) {
    this.history = new SiteHistory(site);
    inner.start(site);
  }

  @Override
  public Decision decide(Observation o) {
    LocalDateTime periodStart = o.localTime().minus(o.step());
    if (!o.telemetry().isEmpty() && !periodStart.isBefore(recordFrom)) {
      List<BuildingInfo> buildings = history.site().buildings();
      Telemetry[] row = new Telemetry[buildings.size()];
      for (int b = 0; b < row.length; b++) {
        row[b] = o.telemetry().get(buildings.get(b).id());
      }
      // The weather service's irradiance for the period that just ended.
      history.add(periodStart, row, previousGhi);
    }
    previousGhi = o.forecast().ghiWm2(0);
    return inner.decide(o);
  }

  /** What was recorded. */
  public SiteHistory record() {
    return history;
  }

  public int size() {
    return history.size();
  }

  /** One building's recorded history in the identification's form. */
  public BuildingHistory history(int b) {
    return history.history(b);
  }

  /** See {@link SiteHistory#zoneSpreadK}. */
  public double zoneSpreadK(int b, double quantile) {
    return history.zoneSpreadK(b, quantile);
  }

  /** Per building and period, the metered heat beyond the heating circuit (hot water), kW. */
  public double[][] otherHeatKw() {
    return history.otherHeatKw();
  }

  /** See {@link SiteHistory#hourlyOtherHeat}. */
  public MeterData hourlyOtherHeat() {
    return history.hourlyOtherHeat();
  }

  public List<LocalDateTime> periodStarts() {
    return history.periodStarts();
  }
}
