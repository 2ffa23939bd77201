package org.heatgrid.sim.plant;

import java.util.SplittableRandom;

/**
 * What a gateway reads from a building: each sensor has a fixed calibration error and white noise
 * on every reading, and reports at its resolution. Accuracies follow common installations: room
 * sensors +-0.3 K, heat meters EN 1434 class 2 (about 1 % here), Pt500 pairs.
 *
 * <p>Calibration errors belong to the installed hardware, not to a run: they are drawn from the
 * building's id, so they stay the same when only the scenario's seed changes (the sensors that
 * the baseline was commissioned with are the sensors it runs with).
 */
final class Sensors {

  private final SplittableRandom random;
  private final double[] roomBias;
  private final double meterGain;
  private final double outdoorBias;

  /**
   * @param random stream of the readings' noise
   * @param buildingId identifies the installed sensors
   */
  Sensors(SplittableRandom random, String buildingId, int zones) {
    this.random = random;
    SplittableRandom hardware = new SplittableRandom(buildingId.hashCode() * 0x9E3779B97F4A7C15L);
    roomBias = new double[zones];
    for (int i = 0; i < zones; i++) {
      roomBias[i] = 0.15 * hardware.nextGaussian();
    }
    meterGain = 1 + 0.01 * hardware.nextGaussian();
    outdoorBias = 0.3 * hardware.nextGaussian();
  }

  double room(int zone, double trueC) {
    return round(trueC + roomBias[zone] + 0.05 * random.nextGaussian(), 0.1);
  }

  double heat(double trueKw) {
    return round(trueKw * meterGain * (1 + 0.005 * random.nextGaussian()), 0.1);
  }

  double flow(double trueM3h) {
    return round(trueM3h * meterGain, 0.01);
  }

  double waterTemp(double trueC) {
    return round(trueC + 0.05 * random.nextGaussian(), 0.1);
  }

  double outdoor(double trueC) {
    return round(trueC + outdoorBias + 0.1 * random.nextGaussian(), 0.1);
  }

  private static double round(double v, double resolution) {
    return Math.round(v / resolution) * resolution;
  }
}
