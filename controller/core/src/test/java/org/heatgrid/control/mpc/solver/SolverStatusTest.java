package org.heatgrid.control.mpc.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statuses other than OPTIMAL: infeasible problems and iteration limits. */
class SolverStatusTest {

  private static PlanningProblem fixedLoadAboveCap() {
    PlanningProblem p = ProblemInstances.campusLike(3, 8, 5);
    List<BuildingChain> chains = new ArrayList<>();
    for (BuildingChain c : p.buildings()) {
      double[] fixed = c.fixedLoadKw();
      java.util.Arrays.fill(fixed, 400);
      chains.add(new BuildingChain(c.a(), c.g(), c.t0(), c.w(), c.low(), c.uMax(), fixed));
    }
    return SolverAgreementTest.copy(p, p.slackQuadratic(), p.heatRegularization(), 0, 1000,
        chains);
  }

  @Test
  void structured_fixedLoadAboveCap_isInfeasible() {
    Plan plan = new StructuredSolver().solve(fixedLoadAboveCap(), SolverLimits.DEFAULT);
    assertThat(plan.status()).isEqualTo(SolveStatus.INFEASIBLE);
    assertThat(plan.usable()).isFalse();
    assertThat(plan.message()).contains("exceeds clusterCapKw");
  }

  @Test
  void ojAlgo_fixedLoadAboveCap_isInfeasible() {
    Plan plan = new OjAlgoSolver().solve(fixedLoadAboveCap(),
        new SolverLimits(100, Duration.ofSeconds(60)));
    assertThat(plan.status()).isEqualTo(SolveStatus.INFEASIBLE);
  }

  @Test
  void structured_tinyIterationLimit_reportsLimitWithFeasiblePlan() {
    PlanningProblem p = ProblemInstances.campusLike(4, 24, 3);
    Plan plan = new StructuredSolver().solve(p, new SolverLimits(2, Duration.ofSeconds(2)));
    assertThat(plan.status()).isEqualTo(SolveStatus.ITERATION_LIMIT);
    assertThat(plan.iterations()).isEqualTo(2);
    assertThat(plan.usable()).isFalse();
    // Polishing keeps even an early iterate feasible, only not optimal.
    assertThat(PlanChecker.worst(p, plan).amount()).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void structured_reusedAcrossSizes_givesSameAnswerAsFreshInstance() {
    StructuredSolver reused = new StructuredSolver();
    reused.solve(ProblemInstances.campusLike(5, 30, 1), SolverLimits.DEFAULT);
    PlanningProblem p = ProblemInstances.campusLike(2, 12, 2);
    Plan again = reused.solve(p, SolverLimits.DEFAULT);
    Plan fresh = new StructuredSolver().solve(p, SolverLimits.DEFAULT);
    assertThat(again.objective()).isEqualTo(fresh.objective());
  }

  @Test
  void structured_reusedOverManyFullSizeInstances_matchesFreshInstancesAndIsFeasible() {
    // One instance keeps its work arrays between solves; nothing of one solve may leak into
    // the next (the predictor reads the last corrector's arrays, multiplied by 0).
    StructuredSolver reused = new StructuredSolver();
    for (long seed = 1000; seed < 1012; seed++) {
      PlanningProblem p = ProblemInstances.campusLike(16, 96, seed);
      Plan again = reused.solve(p, SolverLimits.DEFAULT);
      Plan fresh = new StructuredSolver().solve(p, SolverLimits.DEFAULT);
      assertThat(again.status()).as(again.message()).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(PlanChecker.worst(p, again).amount()).isLessThanOrEqualTo(1e-6);
      assertThat(again.objective()).isCloseTo(fresh.objective(),
          org.assertj.core.data.Offset.offset(1e-9 * Math.abs(fresh.objective())));
    }
  }

  @Test
  void planChecker_detectsViolatedDynamics() {
    PlanningProblem p = ProblemInstances.campusLike(2, 8, 4);
    Plan plan = new StructuredSolver().solve(p, SolverLimits.DEFAULT);
    double[][] temp = plan.tempC();
    temp[1][3] += 0.5;
    Plan broken = new Plan(plan.status(), plan.objective(), plan.heatKw(), temp, plan.slackK(),
        plan.peakKw(), plan.iterations(), plan.solveNanos(), "");
    PlanChecker.Violation v = PlanChecker.worst(p, broken);
    assertThat(v.amount()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(v.constraint()).isEqualTo("dynamics b=1 k=3");
  }
}
