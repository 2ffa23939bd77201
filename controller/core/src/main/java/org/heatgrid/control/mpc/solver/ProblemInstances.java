package org.heatgrid.control.mpc.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.heatgrid.control.mpc.model.TwoStateModel;

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

  /**
   * As {@link #campusLike}, but every building is a two-state chain (air and structure) drawn
   * like the 3R2C fits of campus16: air time constant 0.2-0.5 h, structure 20-80 h, a loss
   * coefficient of 10-60 kW/K mostly through the structure, the structure starting 0-1.5 K
   * below the air.
   */
  public static PlanningProblem twoStateCampus(int buildings, int steps, long seed) {
    PlanningProblem shape = campusLike(buildings, steps, seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<BuildingChain> chains = new ArrayList<>();
    for (BuildingChain chain : shape.buildings()) {
      chains.add(twoStateBuilding(chain, random));
    }
    return new PlanningProblem(steps, shape.stepHours(), shape.priceKrwPerKwh(),
        shape.slackLinear(), shape.slackQuadratic(), shape.heatRegularization(),
        shape.peakKrwPerKw(), shape.peakFloorKw(), shape.clusterCapKw(), chains);
  }

  /** A two-state building with the shape's floors, heat limit and hot water. */
  private static BuildingChain twoStateBuilding(BuildingChain shape, SplittableRandom random) {
    double ua = random.nextDouble(10, 60);
    double airToOutdoor = ua * random.nextDouble(0.1, 0.4);
    double airToMass = random.nextDouble(3, 10) * ua;
    double massToOutdoor = 0.01 * ua;
    double airCapacity = random.nextDouble(0.2, 0.5) * (airToOutdoor + airToMass);
    double massCapacity = random.nextDouble(20, 80) * (airToMass + massToOutdoor);
    TwoStateModel model = new TwoStateModel(STEP_HOURS, airToOutdoor, airToMass, massToOutdoor,
        airCapacity, massCapacity, 0, 0, random.nextDouble(0, 0.5) * ua);
    TwoStateModel.Discrete d = model.discrete();
    int n = shape.steps();
    // The shape's drive is (1 - a) To plus gains; its outdoor temperature is recovered from it
    // only roughly, which is all a benchmark needs: a daily swing around a cold mean.
    double[] airDrive = new double[n];
    double[] massDrive = new double[n];
    double[] uMax = new double[n];
    double heatMax = Math.max(shape.uMax(0), 1.3 * model.uaKwPerK() * 25);
    for (int k = 0; k < n; k++) {
      double outdoor = shape.w(k) / (1 - shape.a());
      double gains = model.freeGainsKw(0, false);
      airDrive[k] = d.heatToAir() * gains + d.outdoorToAir() * outdoor;
      massDrive[k] = d.heatToMass() * gains + d.outdoorToMass() * outdoor;
      uMax[k] = heatMax;
    }
    double air0 = random.nextDouble(18, 21);
    BuildingChain.Structure structure = new BuildingChain.Structure(d.am(), d.ma(), d.mm(),
        d.heatToMass(), air0 - random.nextDouble(0, 1.5), massDrive);
    return BuildingChain.twoState(d.aa(), d.heatToAir(), air0, airDrive, structure,
        shape.low(), uMax, shape.fixedLoadKw());
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
