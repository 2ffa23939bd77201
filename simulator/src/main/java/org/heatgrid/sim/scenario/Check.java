package org.heatgrid.sim.scenario;

import java.util.function.Function;

/** Small checks that fail with the key's path and a reason. */
final class Check {

  private Check() {}

  static <T> T required(String key, T value) {
    if (value == null) {
      throw new KeyException(key, "is required");
    }
    return value;
  }

  static double range(String key, Double value, double def, double lo, double hi) {
    double v = value == null ? def : value;
    if (!(v >= lo && v <= hi)) {
      throw new KeyException(key, "must be between " + num(lo) + " and " + num(hi) + ", got " + num(v));
    }
    return v;
  }

  static int range(String key, Integer value, int def, int lo, int hi) {
    int v = value == null ? def : value;
    if (v < lo || v > hi) {
      throw new KeyException(key, "must be between " + lo + " and " + hi + ", got " + v);
    }
    return v;
  }

  /** Parses with {@code parser}; its IllegalArgumentException or DateTimeException becomes the reason. */
  static <T> T parse(String key, String text, Function<String, T> parser) {
    try {
      return parser.apply(required(key, text));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new KeyException(key, e.getMessage());
    }
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
