package org.heatgrid.control.mpc;

import java.util.Arrays;
import org.heatgrid.control.mpc.model.ThermalModel;

/**
 * Per building, what the plan starts from: a first-order observer of the planned temperature
 * (the coldest zone), driven by the heat the circuit really delivered, an input disturbance (a
 * heat-like term in the model's equation) and an output offset (how far the sensor runs
 * persistently above or below the model's state). Not thread-safe.
 */
final class StateEstimator {

  private static final double MAX_OUTPUT_OFFSET_K = 2;

  private final MpcSettings settings;
  private final double[] estimate;
  private final double[] disturbance;
  private final double[] outputOffset;
  private final double[] drive;

  StateEstimator(int buildings, MpcSettings settings) {
    this.settings = settings;
    estimate = new double[buildings];
    disturbance = new double[buildings];
    outputOffset = new double[buildings];
    drive = new double[buildings];
    Arrays.fill(estimate, Double.NaN);
  }

  /**
   * Takes the reading at the end of the last period.
   *
   * @param measuredAirC the coldest zone's reading (NaN when missing); the model's air offset
   *     over the period is taken off it to compare it with the state
   * @param heatKw heat the circuit delivered over the period (NaN when missing)
   * @param occupied whether the building was occupied over the period
   * @param defaultC the estimate when there is neither a reading nor a prediction
   */
  void update(int b, ThermalModel m, double measuredAirC, double heatKw, boolean occupied,
      double defaultC) {
    double measuredC = measuredAirC - m.airOffsetK(Double.isFinite(heatKw) ? heatKw : 0, occupied);
    double predicted = Double.isFinite(estimate[b]) && Double.isFinite(heatKw)
        ? m.a() * estimate[b] + m.heatGainKPerKw() * heatKw + drive[b] + disturbance[b]
        : Double.NaN;
    if (Double.isFinite(measuredC) && Double.isFinite(predicted)) {
      double error = measuredC - predicted;
      double bound = 3 * (1 - m.a());
      disturbance[b] = clamp(disturbance[b] + settings.disturbanceGain() * error, -bound, bound);
      estimate[b] = predicted + settings.observerGain() * error;
      double residual = measuredC - estimate[b];
      outputOffset[b] = clamp(outputOffset[b] + settings.outputOffsetGain() * (residual - outputOffset[b]),
          -MAX_OUTPUT_OFFSET_K, MAX_OUTPUT_OFFSET_K);
    } else if (Double.isFinite(measuredC)) {
      estimate[b] = measuredC;
    } else if (Double.isFinite(predicted)) {
      estimate[b] = predicted;
    } else {
      estimate[b] = defaultC;
    }
  }

  /** The model's free drive over the coming period, without the disturbance, for the next update. */
  void driveOfComingPeriod(int b, double freeDrive) {
    drive[b] = freeDrive;
  }

  double estimateC(int b) {
    return estimate[b];
  }

  double disturbance(int b) {
    return disturbance[b];
  }

  double outputOffsetK(int b) {
    return outputOffset[b];
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
