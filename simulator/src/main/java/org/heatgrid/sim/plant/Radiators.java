package org.heatgrid.sim.plant;

/**
 * Radiator output at constant flow: {@code Q = K * dT^n} with {@code dT} the mean water
 * temperature above the room (arithmetic mean of supply and return), and {@code Q = m cp (Ts -
 * Tr)}. Eliminating the return gives {@code K x^n + 2 m cp x = 2 m cp (Ts - Ta)} for {@code x =
 * dT}, increasing and convex in {@code x}: Newton's method from the right converges monotonically.
 */
final class Radiators {

  private Radiators() {}

  /**
   * Mean excess temperature {@code x} of one radiator group, K.
   *
   * @param k radiator constant, W/K^n
   * @param flowKgS water flow, kg/s
   * @param supplyC supply temperature
   * @param roomC room air temperature
   * @param guess a previous solution, or a non-positive number for none
   */
  static double meanExcessK(double k, double flowKgS, double supplyC, double roomC, double guess) {
    double d = supplyC - roomC;
    if (d <= 0 || k <= 0 || flowKgS <= 0) {
      return 0;
    }
    double mc2 = 2 * flowKgS * BuildingDesign.CP_WATER;
    double n = BuildingDesign.RADIATOR_EXPONENT;
    double x = guess > 0 && guess < d ? guess : d;
    for (int i = 0; i < 30; i++) {
      double xn1 = Math.pow(x, n - 1);
      double f = k * xn1 * x + mc2 * (x - d);
      double next = x - f / (n * k * xn1 + mc2);
      if (next <= 0) {
        next = x / 2;
      }
      if (Math.abs(next - x) < 1e-7) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /** Heat output for a mean excess temperature, W. */
  static double outputW(double k, double meanExcessK) {
    return meanExcessK <= 0 ? 0 : k * Math.pow(meanExcessK, BuildingDesign.RADIATOR_EXPONENT);
  }
}
