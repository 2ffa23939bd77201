package org.heatgrid.control.mpc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.HourlyLoad;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * Runs a controller and keeps what it was shown: the history a real MPC would collect from its
 * gateways before it takes over (telemetry, the observed weather, schedules). Nothing else goes
 * into model identification, so the identified models cannot know more than telemetry tells.
 */
public final class TelemetryRecorder implements Controller {

  private final Controller inner;
  private Site site;
  private final List<LocalDateTime> starts = new ArrayList<>();
  private final List<Double> ghi = new ArrayList<>();
  private final List<Telemetry[]> rows = new ArrayList<>();
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
    this.site = site;
    inner.start(site);
  }

  @Override
  public Decision decide(Observation o) {
    LocalDateTime periodStart = o.localTime().minus(o.step());
    if (!o.telemetry().isEmpty() && !periodStart.isBefore(recordFrom)) {
      Telemetry[] row = new Telemetry[site.buildings().size()];
      for (int b = 0; b < row.length; b++) {
        row[b] = o.telemetry().get(site.buildings().get(b).id());
      }
      starts.add(periodStart);
      rows.add(row);
      // The weather service's irradiance for the period that just ended.
      ghi.add(previousGhi);
    }
    previousGhi = o.forecast().ghiWm2(0);
    return inner.decide(o);
  }

  public int size() {
    return rows.size();
  }

  /** One building's recorded history in the identification's form. */
  public BuildingHistory history(int b) {
    BuildingInfo info = site.buildings().get(b);
    int n = rows.size();
    double stepHours = site.controlStep().toSeconds() / 3600.0;
    double[] heat = nan(n);
    double[] indoor = nan(n);
    double[] outdoor = nan(n);
    double[] irr = nan(n);
    double[] supply = nan(n);
    double[] ret = nan(n);
    boolean[] occ = new boolean[n];
    for (int k = 0; k < n; k++) {
      Telemetry t = rows.get(k)[b];
      occ[k] = info.schedule().isOccupied(starts.get(k), site.holidays());
      irr[k] = ghi.get(k);
      if (t == null) {
        continue;
      }
      heat[k] = t.spaceHeatKw();
      indoor[k] = t.meanIndoorC();
      outdoor[k] = t.outdoorC();
      supply[k] = t.secondarySupplyC();
      ret[k] = t.secondaryReturnC();
    }
    return new BuildingHistory(info.id(), stepHours, starts.toArray(LocalDateTime[]::new), heat,
        indoor, outdoor, irr, occ, supply, ret);
  }

  /**
   * How far the coldest indoor sensor sits below the building's mean while occupied: the
   * {@code quantile} of (mean - min) over occupied periods, K.
   */
  public double zoneSpreadK(int b, double quantile) {
    BuildingInfo info = site.buildings().get(b);
    double[] gaps = new double[rows.size()];
    int m = 0;
    for (int k = 0; k < rows.size(); k++) {
      Telemetry t = rows.get(k)[b];
      if (t == null || !info.schedule().isOccupied(starts.get(k), site.holidays())) {
        continue;
      }
      double gap = t.meanIndoorC() - t.coldestZoneC();
      if (Double.isFinite(gap)) {
        gaps[m++] = gap;
      }
    }
    return PlanModel.zoneSpreadK(gaps, m, quantile);
  }

  /** Per building and period, the metered heat beyond the heating circuit (hot water), kW. */
  public double[][] otherHeatKw() {
    int n = site.buildings().size();
    double[][] out = new double[n][rows.size()];
    for (int b = 0; b < n; b++) {
      for (int k = 0; k < rows.size(); k++) {
        Telemetry t = rows.get(k)[b];
        out[b][k] = t == null ? Double.NaN : t.otherHeatKw();
      }
    }
    return out;
  }

  /**
   * The same uncontrolled load as hourly means, with the observed outdoor temperature and
   * irradiance: the history the hot-water network is trained on.
   */
  public MeterData hourlyOtherHeat() {
    List<String> ids = site.buildings().stream().map(BuildingInfo::id).toList();
    HourlyLoad hourly = new HourlyLoad(ids, site.zone());
    for (int k = 0; k < rows.size(); k++) {
      java.time.Instant start = starts.get(k).atZone(site.zone()).toInstant();
      for (int b = 0; b < ids.size(); b++) {
        Telemetry t = rows.get(k)[b];
        hourly.add(start, b, t == null ? Double.NaN : t.otherHeatKw(),
            t == null ? Double.NaN : t.outdoorC(), ghi.get(k));
      }
    }
    return hourly.toMeterData();
  }

  public List<LocalDateTime> periodStarts() {
    return List.copyOf(starts);
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
