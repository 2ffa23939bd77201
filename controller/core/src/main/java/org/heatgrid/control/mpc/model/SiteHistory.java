package org.heatgrid.control.mpc.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.HourlyLoad;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * A site's telemetry record at the control step, in the forms learning reads: one
 * {@link BuildingHistory} per building, the coldest zone's spread, the uncontrolled load. Filled
 * either live (the MPC's recorder) or from a stored record ({@code heatgrid learn}); both give the
 * same histories, so a model learnt from a site's database equals one learnt while recording.
 */
public final class SiteHistory {

  private final Site site;
  private final List<LocalDateTime> starts = new ArrayList<>();
  private final List<Double> ghi = new ArrayList<>();
  private final List<Telemetry[]> rows = new ArrayList<>();

  public SiteHistory(Site site) {
    this.site = Objects.requireNonNull(site, "site");
  }

  public Site site() {
    return site;
  }

  /**
   * Appends one period. Periods must follow each other at the site's control step.
   *
   * @param periodStart local start of the period
   * @param row per site building (in site order), its telemetry or null when none came
   * @param ghiWm2 the irradiance the weather service gave for the period, NaN when unknown
   */
  public void add(LocalDateTime periodStart, Telemetry[] row, double ghiWm2) {
    if (row.length != site.buildings().size()) {
      throw new IllegalArgumentException("row has " + row.length + " buildings, site "
          + site.name() + " has " + site.buildings().size());
    }
    starts.add(periodStart);
    rows.add(row.clone());
    ghi.add(ghiWm2);
  }

  public int size() {
    return rows.size();
  }

  public List<LocalDateTime> periodStarts() {
    return List.copyOf(starts);
  }

  /** Building {@code b}'s telemetry of period {@code k}, null when none came. */
  public Telemetry telemetry(int k, int b) {
    return rows.get(k)[b];
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
    return zoneSpread(gaps, m, quantile);
  }

  /**
   * The {@code quantile} of the first {@code count} gaps between a building's mean and its
   * coldest zone, 0 when there are none.
   */
  public static double zoneSpread(double[] gaps, int count, double quantile) {
    if (count == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(gaps, count);
    Arrays.sort(sorted);
    return sorted[(int) Math.min(count - 1, Math.floor(quantile * count))];
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
    return hourly(false);
  }

  /** Every building's metered heat (space heating and hot water) as hourly means: M&V's data. */
  public MeterData hourlyHeat() {
    return hourly(true);
  }

  private MeterData hourly(boolean allHeat) {
    List<String> ids = site.buildings().stream().map(BuildingInfo::id).toList();
    HourlyLoad hourly = new HourlyLoad(ids, site.zone());
    for (int k = 0; k < rows.size(); k++) {
      Instant start = starts.get(k).atZone(site.zone()).toInstant();
      for (int b = 0; b < ids.size(); b++) {
        Telemetry t = rows.get(k)[b];
        double kw = t == null ? Double.NaN : allHeat ? t.heatKw() : t.otherHeatKw();
        hourly.add(start, b, kw, t == null ? Double.NaN : t.outdoorC(), ghi.get(k));
      }
    }
    return hourly.toMeterData();
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
