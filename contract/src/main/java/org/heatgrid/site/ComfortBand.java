package org.heatgrid.site;

/**
 * Acceptable indoor air temperatures, C, when occupied and when not (heating season).
 * BOPTEST-style discomfort counts deviations outside this band.
 */
public record ComfortBand(
    double occupiedLowC, double occupiedHighC, double unoccupiedLowC, double unoccupiedHighC) {

  /** The default band (docs/design.md, section "KPIs"): 20-24 C occupied, 16-28 C unoccupied. */
  public static final ComfortBand DEFAULT = new ComfortBand(20, 24, 16, 28);

  public ComfortBand {
    if (!(occupiedLowC < occupiedHighC) || !(unoccupiedLowC < unoccupiedHighC)) {
      throw new IllegalArgumentException(
          "comfort band low must be below high: occupied " + occupiedLowC + "-" + occupiedHighC
              + ", unoccupied " + unoccupiedLowC + "-" + unoccupiedHighC);
    }
    if (unoccupiedLowC > occupiedLowC || unoccupiedHighC < occupiedHighC) {
      throw new IllegalArgumentException("the unoccupied band must contain the occupied band");
    }
  }

  public double low(boolean occupied) {
    return occupied ? occupiedLowC : unoccupiedLowC;
  }

  public double high(boolean occupied) {
    return occupied ? occupiedHighC : unoccupiedHighC;
  }
}
