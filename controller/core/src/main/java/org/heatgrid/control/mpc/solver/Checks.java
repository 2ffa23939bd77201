package org.heatgrid.control.mpc.solver;

/** Argument checks shared by the problem records; messages name the field and the value. */
final class Checks {

  private Checks() {}

  static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite: " + value);
    }
  }

  static void nonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0: " + value);
    }
  }

  /** Copies {@code values} after checking every element is finite (and >= 0 if asked). */
  static double[] copy(String field, double[] values, boolean nonNegative) {
    if (values == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    double[] copy = values.clone();
    for (int k = 0; k < copy.length; k++) {
      if (nonNegative) {
        nonNegative(field + "[" + k + "]", copy[k]);
      } else {
        finite(field + "[" + k + "]", copy[k]);
      }
    }
    return copy;
  }
}
