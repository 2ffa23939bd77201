package org.heatgrid.sim.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the run report shows, already computed by the simulator: the renderer only draws, it
 * never recomputes KPIs, so the page and the CSV cannot disagree.
 *
 * <p>The arrays are not copied (a season is about 50 arrays of 14,496 doubles): do not change them
 * after construction. NaN values are allowed anywhere in them and are drawn as gaps. Lengths are
 * checked here, because a series one step short would silently shift a chart.
 *
 * @param title e.g. "campus16 - baseline"
 * @param subtitle e.g. "Daejeon TMYx, 2025-11-01 to 2026-03-31, seed 42"
 * @param kpiColumns header of the KPI table
 * @param kpiRows preformatted cells; the first row is the cluster
 * @param notes short lines shown under the title (fallbacks, warnings)
 * @param start local time of the first step
 * @param step step length, positive
 * @param clusterHeatKw cluster heat rate per step, kW
 * @param outdoorC outdoor temperature per step, C; same length as {@code clusterHeatKw}
 * @param buildings per-building series, each of the same length as {@code clusterHeatKw}
 * @param firstDay first day of the daily series
 * @param dailyUsageCostKrw cluster usage charge per day, KRW
 * @param dailyPeakBandUsageCostKrw the part of it in the time-of-use peak band (may be all zeros);
 *     same length as {@code dailyUsageCostKrw}
 */
public record ReportData(
    String title,
    String subtitle,
    List<String> kpiColumns,
    List<List<String>> kpiRows,
    List<String> notes,
    LocalDateTime start,
    Duration step,
    double[] clusterHeatKw,
    double[] outdoorC,
    List<BuildingSeries> buildings,
    LocalDate firstDay,
    double[] dailyUsageCostKrw,
    double[] dailyPeakBandUsageCostKrw) {

  /** Validates lengths and makes the lists immutable. */
  public ReportData {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    kpiColumns = List.copyOf(kpiColumns);
    kpiRows = kpiRows.stream().<List<String>>map(List::copyOf).toList();
    notes = List.copyOf(notes);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    int n = clusterHeatKw.length;
    sameLength("outdoorC", outdoorC, n);
    buildings = List.copyOf(buildings);
    for (BuildingSeries b : buildings) {
      sameLength(b.id() + ".indoorC", b.indoorC(), n);
    }
    Objects.requireNonNull(firstDay, "firstDay");
    sameLength("dailyPeakBandUsageCostKrw", dailyPeakBandUsageCostKrw, dailyUsageCostKrw.length);
  }

  /** Number of steps in the per-step series. */
  public int steps() {
    return clusterHeatKw.length;
  }

  private static void sameLength(String what, double[] a, int n) {
    if (a.length != n) {
      throw new IllegalArgumentException(what + " has " + a.length + " values, expected " + n);
    }
  }

  /**
   * One building's temperatures per step.
   *
   * @param id short id, e.g. "B07"
   * @param name display name
   * @param indoorC the building's mean indoor air temperature per step, C
   * @param comfortLowC lower edge of the comfort band per step (it changes with occupancy), C
   * @param comfortHighC upper edge of the comfort band per step, C
   */
  public record BuildingSeries(
      String id, String name, double[] indoorC, double[] comfortLowC, double[] comfortHighC) {

    /** Checks that the three series have one length. */
    public BuildingSeries {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      sameLength(id + ".comfortLowC", comfortLowC, indoorC.length);
      sameLength(id + ".comfortHighC", comfortHighC, indoorC.length);
    }
  }
}
