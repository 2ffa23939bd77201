package org.heatgrid.forecast.nn;

import java.util.List;

/**
 * Normalisation fitted on the training period only and stored with the model: heat divided by
 * each building's training mean (so one network serves buildings of any size), temperature
 * standardised with the training mean and standard deviation, irradiance over 1000 W/m2.
 *
 * @param heatScaleKw per building (in {@link FeatureSpec#buildings()} order), its mean training heat
 * @param tempMeanC training mean outdoor temperature
 * @param tempStdC training standard deviation of outdoor temperature
 */
public record Scaling(List<Double> heatScaleKw, double tempMeanC, double tempStdC) {

  public Scaling {
    heatScaleKw = List.copyOf(heatScaleKw);
    if (!(tempStdC > 0)) {
      throw new IllegalArgumentException("temperature std must be positive: " + tempStdC);
    }
  }

  double heat(int b, double kw) {
    return kw / heatScaleKw.get(b);
  }

  double unheat(int b, double scaled) {
    return scaled * heatScaleKw.get(b);
  }

  double temp(double c) {
    return (c - tempMeanC) / tempStdC;
  }

  static double ghi(double wm2) {
    return wm2 / 1000;
  }
}
