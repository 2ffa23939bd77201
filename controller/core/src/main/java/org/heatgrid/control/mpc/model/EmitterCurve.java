package org.heatgrid.control.mpc.model;

/**
 * A building's emitter characteristic against the supply temperature: {@code Q = kwPerKn
 * (supplyC - indoorC)^exponent} for supply above indoor, 0 otherwise. It turns the MPC's heat plan
 * into a supply-temperature setpoint.
 *
 * <p>Radiators follow {@code K (mean water - room)^1.3}, and thermostatic valves throttle the
 * flow; against the supply temperature the fitted exponent is an effective one, so it may differ
 * from 1.3.
 *
 * @param kwPerKn coefficient, kW/K^exponent
 * @param exponent effective exponent, within [1, 2] when fitted
 * @param samples steps the fit used
 * @param rmseKw RMSE of the fitted heat on those steps, kW
 */
public record EmitterCurve(double kwPerKn, double exponent, int samples, double rmseKw) {

  /** Throws {@link IllegalArgumentException} naming the invalid field. */
  public EmitterCurve {
    if (!(kwPerKn > 0) || !Double.isFinite(kwPerKn)) {
      throw new IllegalArgumentException("kwPerKn must be positive and finite: " + kwPerKn);
    }
    if (!(exponent > 0) || !Double.isFinite(exponent)) {
      throw new IllegalArgumentException("exponent must be positive and finite: " + exponent);
    }
    if (samples < 0) {
      throw new IllegalArgumentException("samples must not be negative: " + samples);
    }
  }

  /** Heat delivered at a supply temperature, kW; 0 when the supply is not above the room. */
  public double heatKw(double supplyC, double indoorC) {
    double excess = supplyC - indoorC;
    return excess > 0 ? kwPerKn * Math.pow(excess, exponent) : 0;
  }

  /** The supply temperature that delivers {@code heatKw}; {@code indoorC} when heat is <= 0. */
  public double supplyForHeat(double heatKw, double indoorC) {
    if (!(heatKw > 0)) {
      return indoorC;
    }
    return indoorC + Math.pow(heatKw / kwPerKn, 1 / exponent);
  }

  /**
   * Fits the curve to every step of a history: log-log least squares on the steps with heat above
   * 5 % of the maximum and supply at least 2 K above indoor, refined by nonlinear least squares in
   * kW; the exponent is clamped to [1, 2].
   *
   * @throws IdentificationException when fewer than {@link EmitterFit#MIN_SAMPLES} steps qualify
   */
  public static EmitterCurve fit(BuildingHistory history) {
    return EmitterFit.fit(StepSelection.all(history));
  }
}
