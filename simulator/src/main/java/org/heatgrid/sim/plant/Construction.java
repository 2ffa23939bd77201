package org.heatgrid.sim.plant;

/**
 * Envelope quality by construction period: U-values (W/m2K) and infiltration, approximating the
 * successive central-region requirements of the Korean building energy-saving design standard
 * (건축물의 에너지절약설계기준) and its predecessors. A building built in a period meets that
 * period's values, no better.
 */
record Construction(double uWall, double uRoof, double uFloor, double uWindow, double infiltrationAch) {

  static Construction of(int builtYear) {
    if (builtYear <= 1990) {
      return new Construction(0.70, 0.50, 0.70, 3.8, 0.50);
    } else if (builtYear <= 2000) {
      return new Construction(0.58, 0.41, 0.58, 3.4, 0.40);
    } else if (builtYear <= 2010) {
      return new Construction(0.47, 0.29, 0.41, 2.7, 0.30);
    } else if (builtYear <= 2017) {
      return new Construction(0.32, 0.20, 0.29, 2.0, 0.20);
    }
    return new Construction(0.24, 0.15, 0.22, 1.5, 0.15);
  }
}
