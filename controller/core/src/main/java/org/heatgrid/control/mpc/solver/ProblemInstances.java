package org.heatgrid.control.mpc.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reproducible random planning problems shaped like the campus: used by tests, the benchmark and
 * anyone who needs a realistic instance without a site model. Stateless and thread-safe.
 */
public final class ProblemInstances {

  private static final double STEP_HOURS = 0.25;
  private static final int STEPS_PER_DAY = 96;
  private static final double PEAK_PRICE = 113.9;
  private static final double OFF_PEAK_PRICE = 94.1;
  /** Buildings with a hot-water load that counts in the cluster sum. */
  private static final int HOT_WATER_BUILDINGS = 3;

  private ProblemInstances() {}

  /**
   * A campus-like problem with 15-minute steps starting at a random quarter hour (so short
   * horizons see different parts of the day): time-of-use price (113.9
   * KRW/kWh 07-10, else 94.1), comfort floor 20 C from 08 to 18 and 16 C otherwise, outdoor
   * temperature between -5 and +10 C, hot-water load on three buildings, a peak floor in
   * [0, 3000] kW and, for about half the seeds, a finite but loose cluster cap. Three buildings
   * in four have an air offset of 2-6 K per MW of heat (the comfort floor is for the air).
   */
  public static PlanningProblem campusLike(int buildings, int steps, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int firstStep = random.nextInt(STEPS_PER_DAY);
    double[] outdoor = outdoorProfile(firstStep, steps, random);
    double[] price = new double[steps];
    for (int k = 0; k < steps; k++) {
      double hour = hourOf(firstStep + k);
      price[k] = hour >= 7 && hour < 10 ? PEAK_PRICE : OFF_PEAK_PRICE;
    }
    List<BuildingChain> chains = new ArrayList<>();
    double capacity = 0;
    double maxFixed = 0;
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = building(firstStep, steps, outdoor, b < HOT_WATER_BUILDINGS,
          b % 4 == 3 ? 0 : random.nextDouble(0.002, 0.006), random);
      chains.add(chain);
      capacity += chain.uMax(0);
      maxFixed += b < HOT_WATER_BUILDINGS ? 200 : 0;
    }
    double peakFloor = random.nextDouble(0, 3000);
    double cap = random.nextBoolean()
        ? Double.POSITIVE_INFINITY
        : peakFloor + maxFixed + capacity * random.nextDouble(0.7, 1.0);
    return new PlanningProblem(steps, STEP_HOURS, price,
        random.nextDouble(50, 500),
        random.nextDouble(100, 1000),
        random.nextDouble(1e-4, 1e-3),
        random.nextDouble(1200, 1800),
        peakFloor,
        cap,
        chains);
  }

  private static double hourOf(int step) {
    return (step * STEP_HOURS) % 24;
  }

  /** Daily sine between -5 and +10 C, coldest at 05:00. */
  private static double[] outdoorProfile(int firstStep, int steps, SplittableRandom random) {
    double mean = random.nextDouble(-2, 7);
    double amplitude = Math.min(random.nextDouble(1, 5), Math.min(mean + 5, 10 - mean));
    double[] outdoor = new double[steps];
    for (int k = 0; k < steps; k++) {
      double phase = 2 * Math.PI * (hourOf(firstStep + k) - 11) / 24;
      outdoor[k] = mean + amplitude * Math.sin(phase);
    }
    return outdoor;
  }

  /**
   * One building. g follows "100-1500 kW raise T by 0.1-1 K per step", raised if needed so that
   * full heat can hold 20 C at -5 C outdoors with 30% margin: the comfort floor is soft, but a
   * campus whose plant cannot hold it is not a realistic instance.
   */
  private static BuildingChain building(int firstStep, int steps, double[] outdoor,
      boolean hotWater, double airPerKw, SplittableRandom random) {
    double a = random.nextDouble(0.97, 0.995);
    double uMax = random.nextDouble(300, 2500);
    double g = random.nextDouble(0.1, 1.0) / random.nextDouble(100, 1500);
    g = Math.max(g, 1.3 * (1 - a) * 25 / uMax);
    double t0 = random.nextDouble(18, 21);
    double gains = random.nextDouble(0, 0.05);
    double hotWaterBase = random.nextDouble(20, 80);
    double hotWaterPeak = random.nextDouble(40, 120);
    double[] w = new double[steps];
    double[] low = new double[steps];
    double[] heatMax = new double[steps];
    double[] fixed = new double[steps];
    for (int k = 0; k < steps; k++) {
      double hour = hourOf(firstStep + k);
      boolean occupied = hour >= 8 && hour < 18;
      w[k] = (1 - a) * outdoor[k] + (occupied ? gains : 0);
      low[k] = occupied ? 20 : 16;
      heatMax[k] = uMax;
      if (hotWater) {
        double showers = Math.exp(-Math.pow(hour - 7, 2)) + Math.exp(-Math.pow(hour - 19, 2));
        fixed[k] = hotWaterBase + hotWaterPeak * showers;
      }
    }
    return new BuildingChain(a, g, t0, w, low, heatMax, fixed, airPerKw);
  }
}
