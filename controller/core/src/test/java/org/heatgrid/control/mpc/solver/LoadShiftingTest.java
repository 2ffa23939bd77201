package org.heatgrid.control.mpc.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A two-state chain lets the plan store heat in the structure: with a dearer peak band (07-10 h)
 * the plan buys less heat in it and more before it than the same problem at one flat price, and
 * the air still meets every floor.
 */
class LoadShiftingTest {

  private final StructuredSolver solver = new StructuredSolver();

  @Test
  void aDearPeakBandMovesHeatBeforeIt() {
    PlanningProblem tou = ProblemInstances.twoStateCampus(4, 96, 3);
    double[] price = tou.priceKrwPerKwh();
    double[] flat = new double[price.length];
    Arrays.fill(flat, Arrays.stream(price).average().orElseThrow());
    PlanningProblem same = new PlanningProblem(tou.steps(), tou.stepHours(), flat,
        tou.slackLinear(), tou.slackQuadratic(), tou.heatRegularization(), tou.peakKrwPerKw(),
        tou.peakFloorKw(), tou.clusterCapKw(), tou.buildings());

    Plan shifted = solver.solve(tou, SolverLimits.DEFAULT);
    Plan level = solver.solve(same, SolverLimits.DEFAULT);

    assertThat(shifted.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(level.status()).isEqualTo(SolveStatus.OPTIMAL);
    double peakBandMax = Arrays.stream(price).max().orElseThrow();
    double inBand = heatWhere(shifted, price, peakBandMax, true);
    double inBandFlat = heatWhere(level, price, peakBandMax, true);
    assertThat(inBandFlat).as("the flat-price plan heats in the band").isPositive();
    assertThat(inBand).as("heat bought in the peak band, kWh").isLessThan(0.9 * inBandFlat);
    assertThat(PlanChecker.worst(tou, shifted).amount()).isLessThanOrEqualTo(1e-6);
    // Equal comfort: neither plan leaves a floor unmet.
    assertThat(totalSlack(shifted)).isLessThanOrEqualTo(totalSlack(level) + 1e-6);
  }

  /** Heat over the steps whose price is (or is not) the band's, kWh. */
  private static double heatWhere(Plan p, double[] price, double bandPrice, boolean inBand) {
    double sum = 0;
    for (int b = 0; b < p.heatKw().length; b++) {
      for (int k = 0; k < price.length; k++) {
        if ((price[k] == bandPrice) == inBand) {
          sum += p.heatKw(b, k) * 0.25;
        }
      }
    }
    return sum;
  }

  private static double totalSlack(Plan p) {
    return Arrays.stream(p.slackK()).flatMapToDouble(Arrays::stream).sum();
  }
}
