package org.heatgrid.control.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.control.mpc.model.EmitterCurve;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.control.mpc.model.TwoStateModel;
import org.heatgrid.control.mpc.solver.Plan;
import org.heatgrid.control.mpc.solver.PlanSolver;
import org.heatgrid.control.mpc.solver.SolveStatus;
import org.heatgrid.control.mpc.solver.StructuredSolver;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.heatgrid.weather.WeatherForecast;
import org.junit.jupiter.api.Test;

/**
 * The MPC on a two-building site with known models: it plans and heats ahead of occupancy, and
 * every way a plan can fail (infeasible, non-finite numbers, a throwing solver, bad forecast) gives
 * the heating curve for that period and is counted.
 */
class MpcControllerTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final Duration STEP = Duration.ofMinutes(15);
  private static final OccupancySchedule OFFICE = new OccupancySchedule(
      DailyHours.parse("08:00-18:00"), DailyHours.CLOSED, DailyHours.CLOSED);
  private static final List<BuildingInfo> BUILDINGS = List.of(
      new BuildingInfo("A", "A", "office", 5000, 2, OFFICE, ComfortBand.DEFAULT, 800, 80),
      new BuildingInfo("B", "B", "office", 3000, 2, OFFICE, ComfortBand.DEFAULT, 500, 80));
  private static final Site SITE = new Site("t", SEOUL, STEP,
      new Tariff("t", 361.98, new UsageRate.Flat(109.41)), HolidayCalendar.korea(), BUILDINGS);
  /** The models' held-out day-ahead error: the default margin rule scales with it. */
  private static final double MODEL_RMSE_K = 0.3;
  // Tuesday 2026-01-06, 05:00: three hours before occupancy.
  private static final LocalDateTime T = LocalDateTime.of(2026, 1, 6, 5, 0);

  private static Map<String, PlanModel> models() {
    return models(0);
  }

  private static Map<String, PlanModel> models(double airPerKw) {
    Map<String, PlanModel> m = new HashMap<>();
    for (BuildingInfo b : BUILDINGS) {
      ThermalModel thermal = new ThermalModel(0.25, b.floorAreaM2() * 0.002, b.floorAreaM2() * 0.05,
          b.floorAreaM2() * 1e-4, b.floorAreaM2() * 0.005, 0, airPerKw, 0);
      m.put(b.id(), new PlanModel(b.id(), thermal, new EmitterCurve(b.substationCapacityKw() / Math.pow(50, 1.3),
          1.3, 100, 1), 0.2, new FitQuality(100, 0.1, MODEL_RMSE_K, 24, 0)));
    }
    return m;
  }

  private static MpcController mpc(PlanSolver solver, MpcSettings settings) {
    MpcController c = new MpcController("mpc", models(), settings, solver,
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    c.start(SITE);
    return c;
  }

  private static Observation observation(double indoorC, double outdoorC) {
    return observation(T, indoorC, outdoorC);
  }

  private static Observation observation(LocalDateTime at, double indoorC, double outdoorC) {
    Map<String, Telemetry> tel = new HashMap<>();
    for (BuildingInfo b : BUILDINGS) {
      tel.put(b.id(), new Telemetry(b.id(), 100, 100, 50, 2, 50, 40, 8.6, new double[] {indoorC, indoorC},
          outdoorC, false));
    }
    double[] out = new double[49];
    Arrays.fill(out, outdoorC);
    return new Observation(at.atZone(SEOUL).toInstant(), at, STEP, tel,
        new WeatherForecast(at.atZone(SEOUL).toInstant(), Duration.ofHours(1), out, new double[49]));
  }

  private static Decision curve(Observation o) {
    HeatingCurveController c = new HeatingCurveController(BaselineSettings.DEFAULTS);
    c.start(SITE);
    return c.decide(o);
  }

  /**
   * The buildings of {@link #models()} with a two-state model as well (loss about the one-state
   * UA, mostly through the structure, whose capacity is the one-state C), scored {@code rmseK}.
   */
  private static Map<String, PlanModel> twoStateModels(double rmseK) {
    Map<String, PlanModel> m = new HashMap<>();
    for (BuildingInfo b : BUILDINGS) {
      double u = b.floorAreaM2() * 0.002;
      TwoStateModel two = new TwoStateModel(0.25, 0.2 * u, 9 * u, 0.9 * u, 0.3 * 9.2 * u,
          b.floorAreaM2() * 0.05, b.floorAreaM2() * 1e-4, b.floorAreaM2() * 0.005, 0);
      m.put(b.id(), models().get(b.id()).withTwoState(two, new FitQuality(100, 0.05, rmseK, 24, 0)));
    }
    return m;
  }

  @Test
  void aTwoStateModelPlansTheAirToItsOwnMarginByOpening() {
    double twoStateRmse = 0.1;
    MpcController c = new MpcController("mpc", twoStateModels(twoStateRmse),
        MpcSettings.DEFAULTS.withBillingMonths(12), new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    c.start(SITE);
    Decision d = c.decide(observation(17, -5));
    assertThat(c.fallbackReasons()).isEmpty();
    assertThat(d.command("A").heatLimitKw()).isGreaterThan(0);
    Plan p = c.lastPlan();
    // The plan's state is the measured air: it starts from 17 C, not from a slow temperature.
    assertThat(p.tempC(0, 0)).isBetween(16.0, 19.0);
    // The margin follows the two-state model's held-out error (0.1 K), not the one-state's (0.3).
    double floor = 20 + MpcSettings.DEFAULTS.marginK(twoStateRmse);
    assertThat(p.tempC(0, 11)).isGreaterThanOrEqualTo(floor - 1e-3)
        .isLessThan(20 + MpcSettings.DEFAULTS.marginK(MODEL_RMSE_K));
  }

  @Test
  void preheatsAColdBuildingBeforeOccupancyAndCapsTheHeat() {
    // At the season's first period every kW of peak is new; valued at 12 months the plan pays it.
    MpcController c = mpc(new StructuredSolver(), MpcSettings.DEFAULTS.withBillingMonths(12));
    Decision d = c.decide(observation(17, -5));
    assertThat(c.fallbackReasons()).isEmpty();
    for (BuildingInfo b : BUILDINGS) {
      Command cmd = d.command(b.id());
      assertThat(cmd.isValid()).isTrue();
      assertThat(cmd.heatLimitKw()).as("heat for " + b.id()).isGreaterThan(0).isLessThanOrEqualTo(b.substationCapacityKw());
      assertThat(cmd.supplySetpointC()).isGreaterThan(17).isLessThanOrEqualTo(b.supplyMaxC());
    }
    Plan p = c.lastPlan();
    // The plan reaches the occupied floor (20 C + the building's margin) by 08:00, and not before it
    // needs to: at 05:00 the coldest zone is still below it.
    double floor = 20 + MpcSettings.DEFAULTS.marginK(MODEL_RMSE_K);
    assertThat(p.tempC(0, 11)).isGreaterThanOrEqualTo(floor - 1e-3);
    assertThat(p.tempC(0, 0)).isLessThan(floor);
  }

  @Test
  void aMarginPerModelError_givesTheWorsePredictedBuildingTheHigherFloor() {
    Map<String, PlanModel> m = new HashMap<>(models());
    PlanModel a = m.get("A");
    PlanModel b = m.get("B");
    // A's model erred 0.2 K a day ahead on held-out days, B's 0.6 K: 2 x that above the edge.
    m.put("A", new PlanModel("A", a.thermal(), a.emitter(), 0.2, new FitQuality(100, 0.1, 0.2, 24, 0)));
    m.put("B", new PlanModel("B", b.thermal(), b.emitter(), 0.2, new FitQuality(100, 0.1, 0.6, 24, 0)));
    MpcSettings settings = MpcSettings.DEFAULTS.withBillingMonths(12).withMargins(0, 2);
    assertThat(settings.marginK(0.6)).isEqualTo(1.2);
    MpcController c = new MpcController("mpc", m, settings, new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    c.start(SITE);
    c.decide(observation(17, -5));
    assertThat(c.fallbackReasons()).isEmpty();
    Plan p = c.lastPlan();
    // At 08:00 (step 11 ends then) each building reaches its own floor, and A not B's.
    assertThat(p.tempC(0, 11)).isGreaterThanOrEqualTo(20.4 - 1e-3).isLessThan(21.2 - 0.3);
    assertThat(p.tempC(1, 11)).isGreaterThanOrEqualTo(21.2 - 1e-3);
  }

  @Test
  void aNewPeakValuedAtThreeYearsOfBasicChargeIsTradedAgainstAShortfallAtOpening() {
    MpcController c = mpc(new StructuredSolver(), MpcSettings.DEFAULTS);
    c.decide(observation(17, -5));
    assertThat(c.fallbackReasons()).isEmpty();
    double floor = 20 + MpcSettings.DEFAULTS.marginK(MODEL_RMSE_K);
    assertThat(c.lastPlan().tempC(0, 11)).isLessThan(floor - 0.1).isGreaterThan(floor - 1);
  }

  @Test
  void theAirOffsetOfTheOccupiedMinimumLetsTheStateRunBelowTheAirFloor() {
    // Occupied around the clock, so that the comfort floor binds once the plan has settled.
    BuildingInfo dorm = new BuildingInfo("A", "A", "dormitory", 5000, 2, OccupancySchedule.ALWAYS,
        ComfortBand.DEFAULT, 800, 80);
    Site site = new Site("t", SEOUL, STEP, SITE.tariff(), SITE.holidays(), List.of(dorm));
    double airPerKw = 0.004;
    double floor = 20 + MpcSettings.DEFAULTS.marginK(MODEL_RMSE_K);
    MpcController without = new MpcController("mpc", Map.of("A", models(0).get("A")),
        MpcSettings.DEFAULTS, new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    MpcController with = new MpcController("mpc", Map.of("A", models(airPerKw).get("A")),
        MpcSettings.DEFAULTS, new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    without.start(site);
    with.start(site);
    Observation o = observation(T, 20.4, -5);
    without.decide(o);
    List<PlanStep> steps = with.decide(o).plan("A");
    double highestWithout = Double.NEGATIVE_INFINITY;
    double highestWith = Double.NEGATIVE_INFINITY;
    // From hour 12 on the plan holds the floor; the horizon's end is left out (nothing after it).
    for (int k = 48; k < 88; k++) {
      double stateWithout = without.lastPlan().tempC(0, k);
      double stateWith = with.lastPlan().tempC(0, k);
      assertThat(stateWithout).as("state = air without offset, step " + k).isGreaterThanOrEqualTo(floor - 1e-3);
      assertThat(stateWith + airPerKw * steps.get(k).heatKw()).as("air with offset, step " + k)
          .isGreaterThanOrEqualTo(floor - 1e-3);
      highestWithout = Math.max(highestWithout, stateWithout);
      highestWith = Math.max(highestWith, stateWith);
    }
    assertThat(highestWithout).as("the floor binds without offset").isLessThan(floor + 0.05);
    // 80 % of about 220 kW of steady heat lifts the air 0.7 K above the state.
    assertThat(highestWith).isLessThan(floor - 0.5);
  }

  @Test
  void itsPlanCoversTheHorizonAndBeginsWithTheCommand() {
    MpcController c = mpc(new StructuredSolver(), MpcSettings.DEFAULTS);
    Observation o = observation(17, -5);
    Decision d = c.decide(o);
    for (BuildingInfo b : BUILDINGS) {
      List<PlanStep> plan = d.plan(b.id());
      assertThat(plan).hasSize(96);
      assertThat(plan.get(0).at()).isEqualTo(o.time());
      assertThat(plan.get(95).at()).isEqualTo(o.time().plus(o.step().multipliedBy(95)));
      assertThat(plan.get(0).supplySetpointC()).isEqualTo(d.command(b.id()).supplySetpointC());
      assertThat(plan.get(0).heatKw()).isCloseTo(d.command(b.id()).heatLimitKw(), within(1e-9));
      assertThat(plan).allSatisfy(s -> {
        assertThat(s.heatKw()).isBetween(0.0, b.substationCapacityKw());
        assertThat(s.supplySetpointC()).isLessThanOrEqualTo(b.supplyMaxC());
      });
    }
  }

  @Test
  void aPeriodThatFallsBackHasNoPlan() {
    MpcController c = mpc(new StructuredSolver(), MpcSettings.DEFAULTS);
    assertThat(c.decide(observation(17, -5)).plan("A")).isNotEmpty();
    assertThat(c.decide(observation(17, Double.NaN)).plan("A")).isEmpty();
  }

  @Test
  void aWarmBuildingGetsNoHeatWhileUnoccupied() {
    MpcController c = mpc(new StructuredSolver(), MpcSettings.DEFAULTS);
    Decision d = c.decide(observation(23, 5));
    assertThat(d.command("A").heatLimitKw()).isZero();
    assertThat(d.command("A").supplySetpointC()).isLessThan(23);
  }

  @Test
  void anInfeasibleProblemFallsBackToTheCurveAndIsCounted() {
    // A cluster cap below the hot-water load leaves no feasible plan.
    MpcSettings capped = new MpcSettings(Duration.ofHours(24), 0.3, 0, 20_000, 20_000, 1e-4, 0.8, 1.2, 0.5, 5, 50,
        0.2, 0, 0.05, 12, 4, Duration.ofSeconds(2), 100);
    MpcController c = new MpcController("mpc", models(), capped, new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), (b, o, steps) -> {
          double[] v = new double[steps];
          Arrays.fill(v, 40);
          return v;
        });
    c.start(SITE);
    Observation o = observation(19, -5);
    Decision d = c.decide(o);
    assertThat(c.fallbackReasons()).containsEntry("solver infeasible", 1L);
    assertThat(d.commands()).isEqualTo(curve(o).commands());
  }

  @Test
  void occupiedMinimumsGiveWayToAClusterCapInsteadOfMakingThePlanInfeasible() {
    // 1 kW cannot hold the occupied minimums of the afternoon: they shrink, the cap holds.
    double cap = 1;
    MpcSettings capped = new MpcSettings(Duration.ofHours(24), 0.3, 0, 20_000, 20_000, 1e-4, 0.8, 0.8, 0.5, 5, cap,
        0.2, 0, 0.05, 12, 4, Duration.ofSeconds(2), 100);
    MpcController c = new MpcController("mpc", models(), capped, new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    c.start(SITE);
    Decision d = c.decide(observation(LocalDateTime.of(2026, 1, 6, 10, 0), 20.5, -5));
    assertThat(c.fallbackReasons()).isEmpty();
    assertThat(c.lastPlan().peakKw()).isLessThanOrEqualTo(cap + 1e-6);
    double commanded = 0;
    for (BuildingInfo b : BUILDINGS) {
      commanded += d.command(b.id()).heatLimitKw();
    }
    assertThat(commanded).isPositive().isLessThanOrEqualTo(cap + 1e-6);
  }

  @Test
  void aNonFinitePlanFallsBackToTheCurve() {
    PlanSolver nan = new PlanSolver() {
      @Override
      public String name() {
        return "nan";
      }

      @Override
      public Plan solve(org.heatgrid.control.mpc.solver.PlanningProblem p,
          org.heatgrid.control.mpc.solver.SolverLimits limits) {
        double[][] v = new double[p.buildingCount()][p.steps()];
        for (double[] row : v) {
          Arrays.fill(row, Double.NaN);
        }
        return new Plan(SolveStatus.OPTIMAL, Double.NaN, v, v, v, Double.NaN, 1, 0, "nan");
      }
    };
    MpcController c = mpc(nan, MpcSettings.DEFAULTS);
    Observation o = observation(19, -5);
    Decision d = c.decide(o);
    assertThat(c.fallbackReasons()).hasSize(1);
    assertThat(d.commands()).isEqualTo(curve(o).commands());
  }

  @Test
  void aNaNForecastOrAThrowingSolverFallsBackAndTheLoopGoesOn() {
    MpcController c = mpc(new PlanSolver() {
      @Override
      public String name() {
        return "boom";
      }

      @Override
      public Plan solve(org.heatgrid.control.mpc.solver.PlanningProblem p,
          org.heatgrid.control.mpc.solver.SolverLimits limits) {
        throw new IllegalStateException("boom");
      }
    }, MpcSettings.DEFAULTS);
    assertThat(c.decide(observation(19, -5)).commands()).hasSize(2);
    assertThat(c.fallbackReasons()).containsEntry("solver threw IllegalStateException", 1L);

    MpcController d = mpc(new StructuredSolver(), MpcSettings.DEFAULTS);
    Observation nanForecast = observation(19, Double.NaN);
    assertThat(d.decide(nanForecast).commands()).isEqualTo(curve(nanForecast).commands());
    assertThat(d.fallbackReasons().keySet()).singleElement().asString().startsWith("bad input");
    // Next period with good data plans again.
    d.decide(observation(19, -5));
    assertThat(d.lastPlan()).isNotNull();
  }

  @Test
  void refusesASiteWithABuildingItHasNoModelFor() {
    Map<String, PlanModel> one = new HashMap<>(models());
    one.remove("B");
    MpcController c = new MpcController("mpc", one, MpcSettings.DEFAULTS, new StructuredSolver(),
        new HeatingCurveController(BaselineSettings.DEFAULTS), LoadForecast.NONE);
    assertThatThrownBy(() -> c.start(SITE)).hasMessageContaining("building B");
  }

  @Test
  void spaceHeatComesFromTheSecondaryCircuit() {
    Telemetry t = new Telemetry("A", 120, 100, 50, 2, 50, 40, 8.6, new double[] {20, 20}, 0, false);
    assertThat(t.spaceHeatKw()).isCloseTo(8.6 * 10 * 1.163, within(1e-9));
    assertThat(t.otherHeatKw()).isCloseTo(120 - 8.6 * 10 * 1.163, within(1e-9));
  }
}
