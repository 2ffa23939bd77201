package org.heatgrid.control.mpc;

import java.util.Arrays;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.TwoStateModel;

/**
 * Per building planned with a {@link TwoStateModel}, what the plan starts from: the mean air
 * (measured), the structure (which has no sensor: it follows the measured air as in
 * identification, {@link TwoStateModel#massFollowingAir}) and how far the coldest zone runs below
 * the mean (filtered), by which the plan's floor for the mean air is raised. Not thread-safe.
 */
final class TwoStateEstimator {

  private final double gapGain;
  private final double[] air;
  private final double[] mass;
  private final double[] gap;
  private final double[] latestGap;

  /** @param gapGain share of each period's zone gap taken into the filtered gap, in (0, 1] */
  TwoStateEstimator(int buildings, double gapGain) {
    this.gapGain = gapGain;
    air = new double[buildings];
    mass = new double[buildings];
    gap = new double[buildings];
    latestGap = new double[buildings];
    Arrays.fill(air, Double.NaN);
    Arrays.fill(mass, Double.NaN);
    Arrays.fill(gap, Double.NaN);
  }

  /**
   * Takes the readings at the end of the last period.
   *
   * @param model the building's model at the control period's step
   * @param t the telemetry (null when none arrived)
   * @param outdoorFallbackC outdoor temperature when the telemetry has none
   * @param occupied whether the building was occupied over the period
   * @param defaultC the air when there is neither a reading nor a prediction
   */
  void update(int b, TwoStateModel model, Telemetry t, double outdoorFallbackC, boolean occupied,
      double defaultC) {
    double meanAir = t == null ? Double.NaN : t.meanIndoorC();
    double coldest = t == null ? Double.NaN : t.coldestZoneC();
    double heat = t == null ? Double.NaN : t.spaceHeatKw();
    double outdoor = t != null && Double.isFinite(t.outdoorC()) ? t.outdoorC() : outdoorFallbackC;
    if (Double.isFinite(meanAir) && Double.isFinite(coldest)) {
      double now = meanAir - coldest;
      latestGap[b] = now;
      gap[b] = Double.isNaN(gap[b]) ? now : gap[b] + gapGain * (now - gap[b]);
    }
    if (Double.isFinite(meanAir)) {
      mass[b] = Double.isFinite(mass[b]) ? model.massFollowingAir(mass[b], meanAir, outdoor)
          : model.steadyMassC(meanAir, outdoor);
      air[b] = meanAir;
    } else if (Double.isFinite(air[b]) && Double.isFinite(mass[b]) && Double.isFinite(heat)) {
      // No reading: the model carries the air on from the delivered heat (sun unknown, left out).
      TwoStateModel.Discrete d = model.discrete();
      double input = heat + model.freeGainsKw(0, occupied);
      double nextAir = d.nextAir(air[b], mass[b], input, outdoor);
      mass[b] = d.nextMass(air[b], mass[b], input, outdoor);
      air[b] = nextAir;
    } else if (!Double.isFinite(air[b])) {
      air[b] = defaultC;
      mass[b] = model.steadyMassC(defaultC, outdoor);
    }
  }

  double airC(int b) {
    return air[b];
  }

  double massC(int b) {
    return mass[b];
  }

  /**
   * How far the coldest zone runs below the mean air, K: the larger of the filtered gap and the
   * last reading's. The gap opens within an hour when the sun warms one side of a building, and
   * a filter alone lags it just when the cold side is the one that matters; the filter keeps a
   * wide gap in mind when it closes for a moment.
   */
  double gapK(int b) {
    return Double.isNaN(gap[b]) ? 0 : Math.max(gap[b], latestGap[b]);
  }
}
