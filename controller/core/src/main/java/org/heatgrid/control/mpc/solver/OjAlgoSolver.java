package org.heatgrid.control.mpc.solver;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Reference solver: the planning problem stated literally (u, T, s, P as variables) in an ojAlgo
 * {@link ExpressionsBasedModel}. Slow (seconds on 16 x 96) but independent of the structured
 * solver's reformulation, so the two check each other. Only the time limit is passed on:
 * ojAlgo's iterations are not comparable with interior-point iterations. Stateless.
 */
public final class OjAlgoSolver implements PlanSolver {

  @Override
  public String name() {
    return "ojalgo";
  }

  @Override
  public Plan solve(PlanningProblem problem, SolverLimits limits) {
    long start = System.nanoTime();
    try {
      Model model = build(problem);
      model.ojalgo.options.time_abort = Math.max(1, limits.timeLimit().toMillis());
      Optimisation.Result result = model.ojalgo.minimise();
      long nanos = System.nanoTime() - start;
      Optimisation.State state = result.getState();
      if (state == Optimisation.State.INFEASIBLE) {
        return Plan.failed(SolveStatus.INFEASIBLE, 0, nanos, "ojAlgo: " + state);
      }
      if (!state.isOptimal()) {
        SolveStatus status = nanos >= limits.timeLimit().toNanos()
            ? SolveStatus.TIME_LIMIT : SolveStatus.NUMERICAL_ERROR;
        return Plan.failed(status, 0, nanos, "ojAlgo: " + state);
      }
      return model.plan(problem, nanos);
    } catch (RuntimeException e) {
      return Plan.failed(SolveStatus.NUMERICAL_ERROR, 0, System.nanoTime() - start,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Model build(PlanningProblem p) {
    int n = p.steps();
    int buildings = p.buildingCount();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][] u = new Variable[buildings][n];
    Variable[][] t = new Variable[buildings][n];
    Variable[][] s = new Variable[buildings][n];
    Variable[][] masses = new Variable[buildings][n];
    Variable peak = model.addVariable("P").lower(p.peakFloorKw()).weight(p.peakKrwPerKw());
    if (p.clusterCapKw() < Double.POSITIVE_INFINITY) {
      peak.upper(p.clusterCapKw());
    }
    boolean quadratic = p.heatRegularization() > 0 || p.slackQuadratic() > 0;
    Expression squares = quadratic ? model.addExpression("squares").weight(1) : null;
    for (int b = 0; b < buildings; b++) {
      BuildingChain chain = p.buildings().get(b);
      for (int k = 0; k < n; k++) {
        u[b][k] = model.addVariable("u" + b + "_" + k).lower(0).upper(chain.uMax(k))
            .weight(p.priceKrwPerKwh(k) * p.stepHours());
        t[b][k] = model.addVariable("T" + b + "_" + k);
        s[b][k] = model.addVariable("s" + b + "_" + k).lower(0).weight(p.slackLinear());
        if (quadratic) {
          squares.set(u[b][k], u[b][k], 0.5 * p.heatRegularization());
          squares.set(s[b][k], s[b][k], 0.5 * p.slackQuadratic());
        }
        // T[k+1] - a*T[k] - g*u[k] = w[k], with T[0] = t0 known.
        BuildingChain.Structure st = chain.structure();
        double known = k == 0 ? chain.a() * chain.t0() + (st == null ? 0 : st.fromStructure() * st.m0()) : 0;
        Expression dynamics = model.addExpression("dyn" + b + "_" + k).level(chain.w(k) + known);
        dynamics.set(t[b][k], 1).set(u[b][k], -chain.g());
        if (k > 0) {
          dynamics.set(t[b][k - 1], -chain.a());
        }
        if (st != null) {
          // M[k+1] - fromAir*T[k] - retention*M[k] - heatGain*u[k] = drive[k].
          Variable mass = model.addVariable("M" + b + "_" + k);
          masses[b][k] = mass;
          Expression structure = model.addExpression("mass" + b + "_" + k).level(st.drive(k)
              + (k == 0 ? st.fromAir() * chain.t0() + st.retention() * st.m0() : 0));
          structure.set(mass, 1).set(u[b][k], -st.heatGain());
          if (k > 0) {
            structure.set(t[b][k - 1], -st.fromAir()).set(masses[b][k - 1], -st.retention());
            dynamics.set(masses[b][k - 1], -st.fromStructure());
          }
        }
        Expression floor = model.addExpression("floor" + b + "_" + k).lower(chain.low(k))
            .set(t[b][k], 1).set(s[b][k], 1);
        if (chain.airPerKw() > 0) {
          floor.set(u[b][k], chain.airPerKw());
        }
      }
    }
    for (int k = 0; k < n; k++) {
      Expression cluster = model.addExpression("cluster" + k).upper(-p.fixedLoadKw(k));
      for (int b = 0; b < buildings; b++) {
        cluster.set(u[b][k], 1);
      }
      cluster.set(peak, -1);
    }
    return new Model(model, u, t, s, peak);
  }

  /** The ojAlgo model and its variables, to read the solution back. */
  private record Model(ExpressionsBasedModel ojalgo, Variable[][] u, Variable[][] t,
      Variable[][] s, Variable peak) {

    Plan plan(PlanningProblem p, long nanos) {
      double[][] heat = values(u);
      double[][] slack = values(s);
      double peakKw = peak.getValue().doubleValue();
      double objective = PlanChecker.objective(p, heat, slack, peakKw);
      return new Plan(SolveStatus.OPTIMAL, objective, heat, values(t), slack, peakKw, 0, nanos,
          "");
    }

    private static double[][] values(Variable[][] variables) {
      double[][] out = new double[variables.length][];
      for (int b = 0; b < variables.length; b++) {
        out[b] = new double[variables[b].length];
        for (int k = 0; k < variables[b].length; k++) {
          out[b][k] = variables[b][k].getValue().doubleValue();
        }
      }
      return out;
    }
  }
}
