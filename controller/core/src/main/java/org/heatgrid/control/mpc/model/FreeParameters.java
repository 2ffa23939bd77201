package org.heatgrid.control.mpc.model;

/**
 * The parameter vector of an output-error fit, of which some entries are fitted and the rest stay
 * at their start (gains that the training days cannot identify): maps between the full vector
 * and the optimiser's vector of the free entries.
 */
final class FreeParameters {

  private final boolean[] free;
  private final double[] fullStart;
  private final int count;

  FreeParameters(boolean[] free, double[] fullStart) {
    if (free.length != fullStart.length) {
      throw new IllegalArgumentException("free mask has " + free.length + " entries, the start "
          + fullStart.length);
    }
    this.free = free.clone();
    this.fullStart = fullStart.clone();
    int n = 0;
    for (boolean f : free) {
      n += f ? 1 : 0;
    }
    this.count = n;
  }

  /** How many entries the optimiser moves. */
  int count() {
    return count;
  }

  /** The free entries of the start. */
  double[] start() {
    return freeOf(fullStart);
  }

  /** The free entries of a full vector (a point, or a row of derivatives). */
  double[] freeOf(double[] full) {
    double[] out = new double[count];
    int j = 0;
    for (int i = 0; i < full.length; i++) {
      if (free[i]) {
        out[j++] = full[i];
      }
    }
    return out;
  }

  /** The full vector of an optimiser's point: the start with the free entries replaced. */
  double[] full(double[] freePoint) {
    double[] out = fullStart.clone();
    int j = 0;
    for (int i = 0; i < out.length; i++) {
      if (free[i]) {
        out[i] = freePoint[j++];
      }
    }
    return out;
  }
}
