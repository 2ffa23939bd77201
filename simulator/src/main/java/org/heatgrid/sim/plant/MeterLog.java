package org.heatgrid.sim.plant;

import java.util.Arrays;

/** A growing log of a heat meter's 15-minute energies, kWh. */
final class MeterLog {

  private double[] windows = new double[4096];
  private int closed;
  private double open;

  void add(double kwh, boolean windowEnds) {
    open += kwh;
    if (windowEnds) {
      if (closed == windows.length) {
        windows = Arrays.copyOf(windows, 2 * closed);
      }
      windows[closed++] = open;
      open = 0;
    }
  }

  double[] closed() {
    return Arrays.copyOf(windows, closed);
  }

  void reset() {
    closed = 0;
    open = 0;
  }
}
