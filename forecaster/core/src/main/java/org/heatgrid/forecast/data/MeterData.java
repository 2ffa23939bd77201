package org.heatgrid.forecast.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Metered heat of several buildings with their weather on one fixed time grid: step {@code k}
 * covers {@code [start + k*step, start + (k+1)*step)}. Missing values are NaN. Immutable by
 * convention: the arrays are shared, not copied (a site's years of hourly data); nobody writes
 * to them after construction.
 *
 * @param start start of the first step
 * @param step grid spacing (1 hour for the meter CSVs, 15 minutes for simulator output)
 * @param buildings building ids, in a fixed order
 * @param heatKw {@code [building][k]} mean heat rate over the step, kW
 * @param outdoorC {@code [building][k]} outdoor temperature, C
 * @param ghiWm2 {@code [building][k]} global horizontal irradiance, W/m2 (NaN where not given)
 */
public record MeterData(
    Instant start,
    Duration step,
    List<String> buildings,
    double[][] heatKw,
    double[][] outdoorC,
    double[][] ghiWm2) {

  public MeterData {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    buildings = List.copyOf(buildings);
    int n = buildings.size();
    if (heatKw.length != n || outdoorC.length != n || ghiWm2.length != n) {
      throw new IllegalArgumentException("one series per building expected");
    }
    for (int b = 0; b < n; b++) {
      if (heatKw[b].length != heatKw[0].length || outdoorC[b].length != heatKw[0].length
          || ghiWm2[b].length != heatKw[0].length) {
        throw new IllegalArgumentException("all series must have the same length");
      }
    }
  }

  /** Number of steps. */
  public int length() {
    return heatKw.length == 0 ? 0 : heatKw[0].length;
  }

  /** Start of step {@code k}. */
  public Instant time(int k) {
    return start.plus(step.multipliedBy(k));
  }

  /** The step containing {@code t} (may be negative or beyond the end). */
  public int indexOf(Instant t) {
    return (int) Math.floorDiv(Duration.between(start, t).toSeconds(), step.toSeconds());
  }

  /** Index of a building id, or -1. */
  public int buildingIndex(String id) {
    return buildings.indexOf(id);
  }

  /** Steps per day (24 for hourly data). */
  public int stepsPerDay() {
    return (int) (Duration.ofDays(1).toSeconds() / step.toSeconds());
  }

  /**
   * Joins two data sets on one grid (e.g. a history file and a test file): the union of their
   * buildings and time spans; where both hold a value for the same building and step, this one's
   * wins.
   *
   * @throws IllegalArgumentException when the steps differ or the grids are not aligned
   */
  public MeterData merge(MeterData other) {
    if (!step.equals(other.step)) {
      throw new IllegalArgumentException("cannot merge a " + step + " grid with a " + other.step + " grid");
    }
    long offset = java.time.Duration.between(start, other.start).toSeconds();
    if (offset % step.toSeconds() != 0) {
      throw new IllegalArgumentException("grids are not aligned: " + start + " and " + other.start);
    }
    Instant first = start.isBefore(other.start) ? start : other.start;
    Instant endA = time(length());
    Instant endB = other.time(other.length());
    Instant last = endA.isAfter(endB) ? endA : endB;
    int n = (int) (java.time.Duration.between(first, last).toSeconds() / step.toSeconds());
    java.util.List<String> ids = new java.util.ArrayList<>(buildings);
    for (String id : other.buildings) {
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    double[][][] out = new double[3][ids.size()][n];
    for (double[][] series : out) {
      for (double[] row : series) {
        java.util.Arrays.fill(row, Double.NaN);
      }
    }
    for (MeterData d : new MeterData[] {other, this}) {
      int shift = (int) (java.time.Duration.between(first, d.start).toSeconds() / step.toSeconds());
      for (int b = 0; b < d.buildings.size(); b++) {
        int to = ids.indexOf(d.buildings.get(b));
        double[][] src = {d.heatKw[b], d.outdoorC[b], d.ghiWm2[b]};
        for (int s = 0; s < 3; s++) {
          for (int k = 0; k < d.length(); k++) {
            if (!Double.isNaN(src[s][k])) {
              out[s][to][k + shift] = src[s][k];
            }
          }
        }
      }
    }
    return new MeterData(first, step, ids, out[0], out[1], out[2]);
  }
}
