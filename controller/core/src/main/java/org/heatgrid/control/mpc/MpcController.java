package org.heatgrid.control.mpc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.control.mpc.model.TwoStateModel;
import org.heatgrid.control.mpc.solver.BuildingChain;
import org.heatgrid.control.mpc.solver.Plan;
import org.heatgrid.control.mpc.solver.PlanChecker;
import org.heatgrid.control.mpc.solver.PlanSolver;
import org.heatgrid.control.mpc.solver.PlanningProblem;
import org.heatgrid.control.mpc.solver.SolverLimits;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.weather.WeatherForecast;

/**
 * Model predictive control of a cluster: every control period it plans each building's heat over
 * the horizon (cost of heat at time-of-use prices, the basic charge on a new cluster peak, and
 * penalised under-temperature below each building's comfort floor), applies the first step as a
 * supply setpoint with a heat-rate limit, and plans again next period.
 *
 * <p>The planned temperature is the coldest indoor sensor's: comfort counts per zone, and the
 * zones share one supply temperature. The model was identified on the buildings' mean; the
 * observer and the output-offset estimate carry it over to the coldest zone.
 *
 * <p>What it reads: telemetry (indoor sensors, secondary-circuit heat, the heat meter), the
 * weather forecast, schedules, the tariff, and models identified from history. A plan that
 * cannot be had (solver failure, time out, non-finite numbers, a violated constraint) gives way to
 * the heating curve for that period; the reason is logged and counted.
 */
public class MpcController implements Controller {

  private static final Logger LOG = Logger.getLogger(MpcController.class.getName());
  private static final double CONSTRAINT_TOLERANCE = 1e-3;
  private static final double OFF_BELOW_KW = 0.5;
  private static final double PUMP_OFF_SETPOINT_C = 10;
  /** How long after opening the minimum follows {@link MpcSettings#openingHeatShare()}. */
  private static final long OPENING_MINUTES = 120;
  /** The occupied minimums and the hot water fill at most this share of a cluster cap. */
  private static final double CAP_SHARE_FOR_MINIMUMS = 0.99;
  // An extra floor learned from a miss fades by half in about two weeks of occupied periods.
  private static final double FADE_PER_PERIOD = Math.pow(0.5, 1 / 600.0);

  private final String name;
  private final Map<String, PlanModel> models;
  private final MpcSettings settings;
  private final PlanSolver solver;
  private final Controller fallback;
  private final LoadForecast loads;
  private final Map<String, Long> fallbackReasons = new TreeMap<>();
  private Site site;
  private List<BuildingInfo> buildings;
  private StateEstimator estimator;
  // Buildings whose PlanModel has a two-state model are planned with it (air and structure).
  private TwoStateEstimator twoStates;
  private double[] occupiedMinimumKw;
  // Each building's planned margin above the band's edge (MpcSettings.marginK).
  private double[] marginK;
  // The occupied minimum of every step of the last problem, [building][step]: part of the plan.
  private double[][] minimumKw;
  // What a decision's plans are made from, on demand: a season has 14,000 periods of 16 x 96 steps
  // and the simulator's substations never read plans.
  private record Applied(Plan plan, Observation at, double[] indoorC, double[][] minimumKw) {}
  private MissedComfort missed;
  private double seasonPeakKw;
  private long plans;
  private long solveNanos;
  private Plan lastPlan;
  private java.util.function.Consumer<PlanningProblem> problemListener = p -> {};

  /**
   * @param name name in reports ({@code mpc}, or {@code oracle} for the oracle's instance)
   * @param models per building id, identified from history
   * @param fallback the heating curve that takes over when a plan fails
   */
  public MpcController(String name, Map<String, PlanModel> models, MpcSettings settings,
      PlanSolver solver, Controller fallback, LoadForecast loads) {
    this.name = Objects.requireNonNull(name, "name");
    this.models = Map.copyOf(models);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.solver = Objects.requireNonNull(solver, "solver");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.loads = Objects.requireNonNull(loads, "loads");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start(Site site) {
    for (BuildingInfo b : site.buildings()) {
      if (!models.containsKey(b.id())) {
        throw new IllegalArgumentException("no identified model for building " + b.id()
            + "; models exist for " + new TreeMap<>(models).keySet());
      }
    }
    this.site = site;
    this.buildings = site.buildings();
    int n = buildings.size();
    estimator = new StateEstimator(n, settings);
    twoStates = new TwoStateEstimator(n, settings.outputOffsetGain());
    marginK = marginsOf(buildings);
    occupiedMinimumKw = new double[n];
    minimumKw = new double[n][0];
    missed = new MissedComfort(n, settings.missedComfortGain(), FADE_PER_PERIOD);
    seasonPeakKw = 0;
    fallbackReasons.clear();
    plans = 0;
    solveNanos = 0;
    fallback.start(site);
    loads.start(site);
  }

  @Override
  public Decision decide(Observation o) {
    if (site == null) {
      throw new IllegalStateException("start(site) must be called before decide()");
    }
    // The curve runs every period so that its outdoor filter is warm when it has to take over.
    Decision curve = fallback.decide(o);
    loads.observe(o);
    double[] indoor = updateEstimates(o);
    PlanningProblem problem;
    try {
      problem = problem(o, indoor);
    } catch (RuntimeException e) {
      return fallBack(curve, "bad input: " + e.getMessage(), o, e);
    }
    problemListener.accept(problem);
    Plan plan;
    try {
      plan = solver.solve(problem, new SolverLimits(settings.solverIterations(), settings.solverTimeLimit()));
    } catch (RuntimeException e) {
      return fallBack(curve, "solver threw " + e.getClass().getSimpleName(), o, e);
    }
    plans++;
    solveNanos += plan.solveNanos();
    if (!plan.usable()) {
      return fallBack(curve, "solver " + plan.status().name().toLowerCase(), o, null);
    }
    PlanChecker.Violation worst = PlanChecker.worst(problem, plan);
    if (!(worst.amount() <= CONSTRAINT_TOLERANCE)) {
      return fallBack(curve, "plan violates a constraint", o, null);
    }
    lastPlan = plan;
    // Each period's problem gives every building new minimum arrays: the shallow copy keeps these.
    Applied applied = new Applied(plan, o, indoor, minimumKw.clone());
    Map<String, Command> commands = new HashMap<>();
    for (int b = 0; b < buildings.size(); b++) {
      BuildingInfo info = buildings.get(b);
      double heat = plan.heatKw(b, 0) + occupiedMinimumKw[b];
      PlanModel pm = models.get(info.id());
      boolean occupied = info.schedule().isOccupied(o.localTime(), site.holidays());
      commands.put(info.id(), command(info, pm, heat, airC(pm, indoor[b], heat, occupied)));
    }
    return new Decision(commands, id -> plan(applied, id));
  }

  /**
   * The whole horizon of the last plan applied, as the gateways and operators see it: heat per
   * step (the free part plus the occupied minimum) and the supply setpoint the emitter curve gives
   * for it at the planned room temperature, translated like the first step's command.
   */
  private List<PlanStep> plan(Applied a, String buildingId) {
    int b = indexOf(buildingId);
    if (b < 0) {
      return List.of();
    }
    BuildingInfo info = buildings.get(b);
    PlanModel pm = models.get(buildingId);
    double[] minimum = a.minimumKw()[b];
    List<PlanStep> list = new ArrayList<>(minimum.length);
    double roomC = a.indoorC()[b];
    // Times by addition, not Duration.multipliedBy: that goes through BigDecimal, and a site
    // expands 16 x 96 steps each period (in a fleet, thousands of times a second of garbage).
    Duration step = a.at().step();
    LocalDateTime at = a.at().localTime();
    Instant time = a.at().time();
    for (int k = 0; k < minimum.length; k++, at = at.plus(step), time = time.plus(step)) {
      double heat = a.plan().heatKw(b, k) + minimum[k];
      boolean occupied = info.schedule().isOccupied(at, site.holidays());
      Command c = command(info, pm, heat, airC(pm, roomC, heat, occupied));
      list.add(new PlanStep(time,
          c.supplySetpointC(), c.heatLimitKw() > 0 ? Math.max(0, heat) : 0));
      roomC = a.plan().tempC(b, k);
    }
    return List.copyOf(list);
  }

  /** The mean air at plan state {@code stateC}: a two-state model's state is the air itself. */
  private static double airC(PlanModel pm, double stateC, double heatKw, boolean occupied) {
    return pm.twoState() != null ? stateC : stateC + pm.thermal().airOffsetK(heatKw, occupied);
  }

  private int indexOf(String buildingId) {
    for (int b = 0; b < buildings.size(); b++) {
      if (buildings.get(b).id().equals(buildingId)) {
        return b;
      }
    }
    return -1;
  }

  /** Reads the last period's telemetry into the estimator, the learned floors and the peak. */
  private double[] updateEstimates(Observation o) {
    int n = buildings.size();
    double[] indoor = new double[n];
    double clusterKw = 0;
    boolean complete = true;
    for (int b = 0; b < n; b++) {
      BuildingInfo info = buildings.get(b);
      Telemetry t = o.telemetry().get(info.id());
      // Comfort is per zone, and one supply temperature serves all zones: hold the coldest.
      double measured = t == null ? Double.NaN : t.coldestZoneC();
      double heat = t == null ? Double.NaN : t.spaceHeatKw();
      missed.observe(b, info, site.holidays(), o.localTime().minus(o.step()), measured);
      boolean wasOccupied = info.schedule().isOccupied(o.localTime().minus(o.step()), site.holidays());
      if (t != null && Double.isFinite(t.heatKw())) {
        clusterKw += t.heatKw();
      } else {
        complete = false;
      }
      PlanModel pm = models.get(info.id());
      // A building has one estimator: the first-order observer, or the two-state one.
      if (pm.twoState() != null) {
        twoStates.update(b, pm.twoState().withStep(o.step().toSeconds() / 3600.0), t,
            o.forecast().outdoorC()[0], wasOccupied, info.comfort().occupiedLowC());
        indoor[b] = twoStates.airC(b);
      } else {
        estimator.update(b, pm.thermal(), measured, heat, wasOccupied, info.comfort().occupiedLowC());
        indoor[b] = estimator.estimateC(b);
      }
    }
    if (complete) {
      seasonPeakKw = Math.max(seasonPeakKw, clusterKw);
    }
    return indoor;
  }

  private PlanningProblem problem(Observation o, double[] indoor) {
    Duration step = o.step();
    double stepHours = step.toSeconds() / 3600.0;
    int steps = (int) Math.max(1, settings.horizon().toSeconds() / step.toSeconds());
    WeatherForecast wf = o.forecast();
    double[] outdoor = new double[steps];
    double[] ghi = new double[steps];
    double[] price = new double[steps];
    boolean[] occupiedAtStart = new boolean[steps + 1];
    double ratio = (double) step.toSeconds() / wf.step().toSeconds();
    // The steps' local start times, once for all buildings; by addition, since
    // Duration.multipliedBy goes through BigDecimal.
    LocalDateTime[] startAt = new LocalDateTime[steps + 1];
    startAt[0] = o.localTime();
    for (int k = 0; k < steps; k++) {
      startAt[k + 1] = startAt[k].plus(step);
    }
    for (int k = 0; k < steps; k++) {
      // Point forecasts bracket the step; the irradiance is already a step mean.
      outdoor[k] = (at(wf.outdoorC(), k * ratio) + at(wf.outdoorC(), (k + 1) * ratio)) / 2;
      ghi[k] = at(wf.ghiWm2(), k * ratio);
      price[k] = site.tariff().usageKrwPerKwh(startAt[k]);
    }
    Tariff tariff = site.tariff();
    double peakPrice = tariff.basicKrwPerMcalhMonth() / Tariff.KWH_PER_MCAL * settings.billingMonths();
    double decay = Math.pow(0.5, stepHours / settings.disturbanceHalfLifeHours());
    List<BuildingChain> chains = new ArrayList<>();
    List<ChainParts> parts = new ArrayList<>();
    for (int b = 0; b < buildings.size(); b++) {
      BuildingInfo info = buildings.get(b);
      PlanModel pm = models.get(info.id());
      ThermalModel m = pm.thermal().withStep(stepHours);
      TwoStateModel two = pm.twoState() == null ? null : pm.twoState().withStep(stepHours);
      TwoStateModel.Discrete dd = two == null ? null : two.discrete();
      double[] massDrive = two == null ? null : new double[steps];
      double[] w = new double[steps];
      double[] low = new double[steps];
      double[] uMax = new double[steps];
      double[] load = loads.loadKw(b, o, steps);
      double d = estimator.disturbance(b);
      for (int k = 0; k <= steps; k++) {
        occupiedAtStart[k] = info.schedule().isOccupied(startAt[k], site.holidays());
      }
      // The floor is for the coldest sensor; the plan's state runs outputOffset below it, or
      // for a two-state model is the mean air, which runs the zone gap above it.
      double floorOffset = marginK[b]
          + (two == null ? -estimator.outputOffsetK(b) : twoStates.gapK(b));
      double emitterMax = pm.emitter().heatKw(info.supplyMaxC(), info.comfort().occupiedLowC());
      for (int k = 0; k < steps; k++) {
        if (two != null) {
          double gains = two.freeGainsKw(ghi[k], occupiedAtStart[k]);
          w[k] = dd.heatToAir() * gains + dd.outdoorToAir() * outdoor[k];
          massDrive[k] = dd.heatToMass() * gains + dd.outdoorToMass() * outdoor[k];
        } else {
          w[k] = m.freeDrive(outdoor[k], ghi[k], occupiedAtStart[k]) + d;
          d *= decay;
        }
        LocalDateTime end = startAt[k + 1];
        low[k] = Math.max(info.comfort().low(occupiedAtStart[k]), info.comfort().low(occupiedAtStart[k + 1]))
            + floorOffset + missed.extraK(b, info, site.holidays(), end);
        uMax[k] = Math.max(0, Math.min(info.substationCapacityKw() - load[k], emitterMax));
      }
      // Taken before the minimum is folded in: the next update uses the measured heat.
      if (two == null) {
        estimator.driveOfComingPeriod(b, w[0] - estimator.disturbance(b));
      }
      // The occupied minimum enters the plan as a fixed part of the heat (u = minimum + free
      // part), so that the peak and the temperatures it plans include it. The floors above are
      // for the air; the plan's state runs below the air by the model's air offset: the
      // minimum's share and the ventilation of an occupied step move the floor here, the free
      // part's share is the chain's airPerKw (the solver's comfort rows hold for the air).
      // Occupied steps only: a minimum in the step before opening makes every building preheat
      // hard in the same quarter hour and raises the cluster peak (see
      // docs/decisions/0006-occupied-minimum.md).
      minimumKw[b] = new double[steps];
      for (int k = 0; k < steps; k++) {
        double min = occupiedAtStart[k]
            ? Math.min(uMax[k], occupiedShare(info, startAt[k])
                * Math.max(0, m.steadyHeatKw(low[k], outdoor[k], ghi[k], true)))
            : 0;
        minimumKw[b][k] = min;
      }
      parts.add(new ChainParts(m, dd, w, massDrive, low, uMax, load, occupiedAtStart.clone()));
    }
    fitMinimumsUnderCap(parts, steps);
    for (int b = 0; b < buildings.size(); b++) {
      ChainParts c = parts.get(b);
      ThermalModel m = c.model();
      TwoStateModel.Discrete dd = c.twoState();
      for (int k = 0; k < steps; k++) {
        double min = minimumKw[b][k];
        if (dd == null) {
          c.low()[k] -= m.airOffsetK(min, c.occupied()[k]);
          c.w()[k] += m.heatGainKPerKw() * min;
        } else {
          c.w()[k] += dd.heatToAir() * min;
          c.massDrive()[k] += dd.heatToMass() * min;
        }
        c.uMax()[k] -= min;
        c.load()[k] += min;
      }
      occupiedMinimumKw[b] = minimumKw[b][0];
      if (dd == null) {
        chains.add(new BuildingChain(m.a(), m.heatGainKPerKw(), indoor[b], c.w(), c.low(),
            c.uMax(), c.load(), m.airPerKw()));
      } else {
        BuildingChain.Structure structure = new BuildingChain.Structure(dd.am(), dd.ma(),
            dd.mm(), dd.heatToMass(), twoStates.massC(b), c.massDrive());
        chains.add(BuildingChain.twoState(dd.aa(), dd.heatToAir(), indoor[b], c.w(), structure,
            c.low(), c.uMax(), c.load()));
      }
    }
    return new PlanningProblem(steps, stepHours, price, settings.slackKrwPerKStep(),
        // A peak above the cap (a hot-water surge, a fallback period) must not make every
        // later problem infeasible: the floor of the planned peak stays under the cap.
        settings.slackKrwPerK2Step(), settings.heatRegularization(), peakPrice,
        Math.min(seasonPeakKw, settings.clusterCapKw()),
        settings.clusterCapKw(), chains);
  }

  /** The buildings' margins from their models' held-out day-ahead errors. */
  private double[] marginsOf(List<BuildingInfo> list) {
    double[] rmse = new double[list.size()];
    for (int b = 0; b < rmse.length; b++) {
      FitQuality q = models.get(list.get(b).id()).plannedHeldOut();
      rmse[b] = q == null ? Double.NaN : q.horizonRmseK();
    }
    return settings.marginsK(rmse);
  }

  /** A building's arrays before the occupied minimum is folded in. */
  private record ChainParts(ThermalModel model, TwoStateModel.Discrete twoState, double[] w,
      double[] massDrive, double[] low, double[] uMax, double[] load, boolean[] occupied) {}

  /**
   * Scales the steps' occupied minimums down where they and the hot water would not fit under
   * the cluster cap: a cap is hard, a minimum is a rule of thumb, and the buildings' minimums at
   * opening on a cold morning can together exceed a cap (see
   * docs/decisions/0006-occupied-minimum.md). The hot water alone above the cap is still
   * infeasible.
   */
  private void fitMinimumsUnderCap(List<ChainParts> parts, int steps) {
    double cap = settings.clusterCapKw();
    if (!(cap < Double.POSITIVE_INFINITY)) {
      return;
    }
    for (int k = 0; k < steps; k++) {
      double load = 0;
      double minimums = 0;
      for (int b = 0; b < parts.size(); b++) {
        load += parts.get(b).load()[k];
        minimums += minimumKw[b][k];
      }
      // Leave the solver a little room under the cap for the free part of the heat.
      double room = CAP_SHARE_FOR_MINIMUMS * cap - load;
      if (minimums > room && minimums > 0) {
        double scale = Math.max(0, room) / minimums;
        for (int b = 0; b < parts.size(); b++) {
          minimumKw[b][k] *= scale;
        }
      }
    }
  }

  /** The occupied minimum's share of the steady heat in the occupied step starting at {@code t}. */
  private double occupiedShare(BuildingInfo info, LocalDateTime t) {
    long since = MissedComfort.minutesSinceOpening(info, site.holidays(), t);
    return since >= 0 && since < OPENING_MINUTES ? settings.openingHeatShare() : settings.occupiedHeatShare();
  }

  /** Linear interpolation in a forecast series at a fractional index, clamped to its end. */
  private static double at(double[] series, double index) {
    if (index >= series.length - 1) {
      return series[series.length - 1];
    }
    int i = (int) index;
    double f = index - i;
    return series[i] * (1 - f) + series[i + 1] * f;
  }

  private Command command(BuildingInfo info, PlanModel pm, double heatKw, double indoorC) {
    if (heatKw < OFF_BELOW_KW) {
      return new Command(PUMP_OFF_SETPOINT_C, 0);
    }
    double supply = pm.emitter().supplyForHeat(heatKw, indoorC) + settings.supplyMarginK();
    return new Command(Math.min(info.supplyMaxC(), supply), heatKw);
  }

  private Decision fallBack(Decision curve, String reason, Observation o, Exception e) {
    fallbackReasons.merge(reason, 1L, Long::sum);
    // Predictions use the heat measured next period, so the estimator stays valid under the curve.
    LOG.log(Level.FINE, name + " at " + o.localTime() + ": " + reason + "; heating curve for this period", e);
    return curve;
  }

  /** Sees every planning problem before it is solved (benchmarks capture real instances). */
  public void onProblem(java.util.function.Consumer<PlanningProblem> listener) {
    problemListener = Objects.requireNonNull(listener, "listener");
  }

  /** Periods that fell back to the heating curve, by reason. */
  public Map<String, Long> fallbackReasons() {
    return Map.copyOf(fallbackReasons);
  }

  /** Plans attempted and the solver's total time, for reports. */
  public long plans() {
    return plans;
  }

  public double solverSeconds() {
    return solveNanos / 1e9;
  }

  /** The last plan applied, or null. */
  public Plan lastPlan() {
    return lastPlan;
  }
}
