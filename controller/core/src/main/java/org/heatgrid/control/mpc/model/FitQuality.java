package org.heatgrid.control.mpc.model;

/**
 * How well a {@link ThermalModel} reproduces a set of days of a {@link BuildingHistory}.
 *
 * @param samples one-step transitions scored (both readings and all inputs present)
 * @param oneStepRmseK RMSE of the one-step prediction from the measured temperature, K
 * @param horizonRmseK RMSE of open-loop simulations over {@code horizonHours}, each started from
 *     the measured temperature at a day's midnight and driven by the measured heat, outdoor
 *     temperature, irradiance and occupancy (restarted from the next reading after a gap in the
 *     inputs), K
 * @param horizonHours length of those simulations, hours (24)
 * @param biasK mean of simulated minus measured temperature over the same simulations, K
 *     (positive: the model runs warm)
 */
public record FitQuality(
    int samples, double oneStepRmseK, double horizonRmseK, double horizonHours, double biasK) {

  /** The quality of an empty set of days: no samples, NaN errors. */
  static FitQuality none(double horizonHours) {
    return new FitQuality(0, Double.NaN, Double.NaN, horizonHours, Double.NaN);
  }
}
