package org.heatgrid.sim.plant;

/**
 * Domestic hot water drawn through a substation's second heat exchanger: a daily volume at 55 C
 * spread over the day by a profile of the building type. Draws leave the building with the drain;
 * circulation losses are not modelled.
 */
final class DomesticHotWater {

  static final double HOT_C = 55;
  // Hourly shares of the daily volume (normalised below). Dormitory: morning and late-evening
  // peaks; gym: showers around noon and evening; student centre: kitchen around lunch and dinner.
  private static final double[] DORMITORY = {
    2, 1, 0.5, 0.5, 0.5, 1, 4, 9, 9, 5, 3, 3, 4, 3, 3, 3, 4, 5, 6, 7, 8, 9, 8, 5};
  private static final double[] GYM = {
    0, 0, 0, 0, 0, 0, 0, 4, 5, 5, 5, 6, 8, 7, 5, 5, 6, 8, 10, 10, 9, 7, 0, 0};
  private static final double[] KITCHEN = {
    0, 0, 0, 0, 0, 0, 0, 5, 8, 8, 10, 14, 14, 10, 6, 5, 6, 8, 6, 0, 0, 0, 0, 0};

  private final double[] litresPerHour = new double[24];

  DomesticHotWater(BuildingSpec s) {
    double daily = s.type().dhwLitresPerM2Day * s.floorAreaM2();
    double[] shape = switch (s.type()) {
      case DORMITORY -> DORMITORY;
      case GYM -> GYM;
      default -> KITCHEN;
    };
    double sum = 0;
    for (double v : shape) {
      sum += v;
    }
    for (int h = 0; h < 24; h++) {
      litresPerHour[h] = daily * shape[h] / sum;
    }
  }

  /** Mean draw in hour {@code hour} of an open day, W, heating water from {@code coldC}. */
  double meanDrawW(int hour, double coldC) {
    return litresPerHour[hour] * BuildingDesign.CP_WATER * (HOT_C - coldC) / 3600;
  }

  /** Peak hourly draw with a margin of 2 for short peaks, kW, from 5 C cold water. */
  static double designPeakKw(BuildingSpec s) {
    if (!s.type().hasDomesticHotWater()) {
      return 0;
    }
    DomesticHotWater d = new DomesticHotWater(s);
    double max = 0;
    for (int h = 0; h < 24; h++) {
      max = Math.max(max, d.meanDrawW(h, 5));
    }
    return 2 * max / 1000;
  }
}
