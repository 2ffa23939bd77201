package org.heatgrid.control.mpc.solver;

/**
 * Mehrotra predictor-corrector interior-point method for a {@link QpForm}: infeasible start,
 * one common step length for primal and dual, Newton systems reduced to the normal equations
 * and solved by {@link NormalEquations}, with iterative refinement of the corrector.
 *
 * <p>All work arrays are allocated in the constructor for one problem size; not thread-safe.
 */
final class InteriorPoint {

  /** Outcome of {@link #run}. */
  enum Outcome { CONVERGED, ITERATION_LIMIT, TIME_LIMIT, NUMERICAL_ERROR }

  /**
   * Tuning of one run.
   *
   * @param stepFraction fraction of the step to the boundary that is taken, in (0, 1)
   * @param regularization primal regularisation added to every free column's H (KRW/kW^2 and
   *     the like): bounds H^-1, i.e. the spread of the normal equations' weights, at the price of
   *     inexact Newton directions (the residuals are not changed, so the optimum is the same)
   */
  record Settings(double stepFraction, double regularization) {
    /** The fast setting: long steps, exact Newton directions. */
    static final Settings STANDARD = new Settings(0.995, 0);
    /**
     * The fallback after a numerical failure: shorter steps keep the iterates further from the
     * bounds, and H^-1 <= 1e8 keeps the weights of inactive columns (cluster slacks, warm
     * temperatures) from swamping the normal equations. A few more iterations.
     */
    static final Settings CONSERVATIVE = new Settings(0.95, 1e-8);
  }

  /** Relative primal residual; the plan is polished to exact feasibility afterwards. */
  private static final double PRIMAL_TOLERANCE = 1e-8;
  private static final double DUAL_TOLERANCE = 1e-9;
  /**
   * Duality gap relative to the plan's objective: bounds its suboptimality, far below the 1e-6
   * relative agreement the tests ask for.
   */
  private static final double GAP_TOLERANCE = 1e-9;
  private static final double REFINE_TOLERANCE = 1e-14;
  private static final int MAX_REFINEMENTS = 4;
  /** A best iterate within these is accepted when the method breaks down right at the end. */
  private static final double RELAXED_TOLERANCE = 1e-7;
  private static final double RELAXED_GAP_TOLERANCE = 1e-8;
  /**
   * Once a best iterate meets the relaxed tolerances, a step shorter than this means rounding
   * has taken over (the normal equations lose digits as the gaps close): stop with the best.
   */
  private static final double STALLED_STEP = 1e-3;

  final QpForm form;
  private final NormalEquations normal;
  final double[] x;
  private final double[] bestX;
  private final double[] zl;
  private final double[] zu;
  private final double[] lambda;
  private final double[] dx;
  private final double[] dzl;
  private final double[] dzu;
  private final double[] dlambda;
  private final double[] affineDx;
  private final double[] affineDzl;
  private final double[] affineDzu;
  private final double[] gapLow;
  private final double[] gapHigh;
  private final double[] inverseGapLow;
  private final double[] inverseGapHigh;
  private final double[] inverseZl;
  private final double[] inverseZu;
  private final int[] upperColumns;
  private int upperCount;
  private final double[] invH;
  private final double[] dualResidual;
  private final double[] primalResidual;
  private final double[] columnWork;
  private final double[] rowWork;
  private final double[] rowRhs;
  private final double[] rowCorrection;
  private double stepFraction;
  private double regularization;
  int iterations;
  String detail = "";

  InteriorPoint(QpForm form) {
    this.form = form;
    int n = form.columns;
    int m = form.rows;
    normal = new NormalEquations(form);
    x = new double[n];
    bestX = new double[n];
    zl = new double[n];
    zu = new double[n];
    lambda = new double[m];
    dx = new double[n];
    dzl = new double[n];
    dzu = new double[n];
    dlambda = new double[m];
    affineDx = new double[n];
    affineDzl = new double[n];
    affineDzu = new double[n];
    gapLow = new double[n];
    gapHigh = new double[n];
    inverseGapLow = new double[n];
    inverseGapHigh = new double[n];
    inverseZl = new double[n];
    inverseZu = new double[n];
    upperColumns = new int[n];
    invH = new double[n];
    dualResidual = new double[n];
    primalResidual = new double[m];
    columnWork = new double[n];
    rowWork = new double[m];
    rowRhs = new double[m];
    rowCorrection = new double[m];
  }

  /** Runs from {@link StartingPoint} until converged or a limit is hit; x holds the result. */
  Outcome run(int maxIterations, long deadlineNanos, Settings settings) {
    stepFraction = settings.stepFraction();
    regularization = settings.regularization();
    detail = "";
    StartingPoint.fill(form, x, zl, zu);
    java.util.Arrays.fill(lambda, 0.0);
    // The predictor multiplies these by 0: they must be finite, whatever the last run left.
    java.util.Arrays.fill(affineDx, 0.0);
    java.util.Arrays.fill(affineDzl, 0.0);
    java.util.Arrays.fill(affineDzu, 0.0);
    int complementarity = prepareBounds();
    initialGaps();
    double costScale = 1 + maxAbs(form.cost);
    double rhsScale = 1 + maxAbs(form.rhs);
    double objectiveShift = form.cost[form.peak()] * form.lo[form.peak()];
    double bestError = Double.POSITIVE_INFINITY;
    boolean bestAcceptable = false;
    iterations = 0;
    while (true) {
      double mu = updateResiduals(complementarity);
      double primalError = maxAbs(primalResidual) / rhsScale;
      double dualError = maxAbs(dualResidual) / costScale;
      // Relative to the plan's objective, which leaves out the constant peak charge on the floor.
      double gapError = mu * complementarity / (1 + Math.abs(primalObjective() - objectiveShift));
      double error = Math.max(Math.max(primalError, dualError), gapError);
      if (!Double.isFinite(error)) {
        return breakdown(bestAcceptable, "non-finite iterate at iteration " + iterations);
      }
      if (primalError <= PRIMAL_TOLERANCE && dualError <= DUAL_TOLERANCE
          && gapError <= GAP_TOLERANCE) {
        return Outcome.CONVERGED;
      }
      boolean acceptable = primalError <= RELAXED_TOLERANCE && dualError <= RELAXED_TOLERANCE
          && gapError <= RELAXED_GAP_TOLERANCE;
      if (acceptable ? !bestAcceptable || error < bestError : !bestAcceptable) {
        bestError = error;
        bestAcceptable = acceptable;
        System.arraycopy(x, 0, bestX, 0, form.columns);
      }
      if (iterations >= maxIterations || System.nanoTime() > deadlineNanos) {
        detail = String.format("primal %.2e, dual %.2e, gap %.2e", primalError, dualError,
            gapError);
        return iterations >= maxIterations ? Outcome.ITERATION_LIMIT : Outcome.TIME_LIMIT;
      }
      double alpha = step(mu, complementarity);
      iterations++;
      if (bestAcceptable && alpha < STALLED_STEP) {
        return breakdown(true, "");
      }
    }
  }

  /**
   * Rounding ends every interior-point run eventually (gaps below the resolution of x); if the
   * best iterate so far already met the relaxed tolerances it is the answer, otherwise this is
   * a numerical error.
   */
  private Outcome breakdown(boolean bestAcceptable, String why) {
    System.arraycopy(bestX, 0, x, 0, form.columns);
    if (bestAcceptable) {
      return Outcome.CONVERGED;
    }
    detail = why;
    return Outcome.NUMERICAL_ERROR;
  }

  /**
   * Sets up the bound bookkeeping of this run and returns the number of complementarity pairs.
   * Lower bounds are always finite ({@link QpForm}); columns without a finite upper bound keep
   * gapHigh = 1/gapHigh = zu = 0, so the loops below need no branch for them. Fixed columns keep
   * every gap, dual and H^-1 at 0, which makes their directions 0 too.
   */
  private int prepareBounds() {
    int count = 0;
    int uppers = 0;
    for (int j = 0; j < form.columns; j++) {
      gapLow[j] = 0;
      inverseGapLow[j] = 0;
      gapHigh[j] = 0;
      inverseGapHigh[j] = 0;
      inverseZl[j] = 0;
      inverseZu[j] = 0;
      if (form.fixed[j]) {
        continue;
      }
      count++;
      if (form.hi[j] < Double.POSITIVE_INFINITY) {
        upperColumns[uppers++] = j;
        count++;
      }
    }
    upperCount = uppers;
    return Math.max(count, 1);
  }

  /**
   * The bound gaps x - lo and hi - x are iterates of their own: started from x here and moved
   * with it in {@link #step}, never recomputed from x. Recomputing them cancels: a peak of
   * 4,000 kW held at its floor needs gaps of 1e-15 kW, far below the 5e-13 kW resolution of x,
   * so x - lo rounds to exactly 0 and the barrier term zl/gap becomes infinite (the captured
   * "non-finite iterate" failures; see docs/decisions/0002-solver-bound-gaps-and-retry.md). Moved
   * by the step, which keeps a fraction of each gap, a gap stays positive and exact to its own
   * precision, whatever the size of x.
   */
  private void initialGaps() {
    for (int j = 0; j < form.columns; j++) {
      if (!form.fixed[j]) {
        gapLow[j] = x[j] - form.lo[j];
      }
    }
    for (int i = 0; i < upperCount; i++) {
      int j = upperColumns[i];
      gapHigh[j] = form.hi[j] - x[j];
    }
  }

  /** Gaps, residuals and H^-1 at the current point; returns the mean complementarity mu. */
  private double updateResiduals(int complementarity) {
    form.multiply(x, primalResidual);
    for (int i = 0; i < form.rows; i++) {
      primalResidual[i] = form.rhs[i] - primalResidual[i];
    }
    form.multiplyTransposed(lambda, columnWork);
    double products = 0;
    for (int j = 0; j < form.columns; j++) {
      if (form.fixed[j]) {
        dualResidual[j] = 0;
        invH[j] = 0;
        continue;
      }
      double gap = gapLow[j];
      double inverseGap = 1 / gap;
      inverseGapLow[j] = inverseGap;
      inverseZl[j] = 1 / zl[j];
      invH[j] = form.quad[j] + regularization + zl[j] * inverseGap; // H, inverted below
      products += gap * zl[j];
      dualResidual[j] = form.cost[j] + form.quad[j] * x[j] - columnWork[j] - zl[j] + zu[j];
    }
    for (int i = 0; i < upperCount; i++) {
      int j = upperColumns[i];
      double gap = gapHigh[j];
      double inverseGap = 1 / gap;
      inverseGapHigh[j] = inverseGap;
      inverseZu[j] = 1 / zu[j];
      invH[j] += zu[j] * inverseGap;
      products += gap * zu[j];
    }
    for (int j = 0; j < form.columns; j++) {
      if (!form.fixed[j]) {
        invH[j] = 1 / invH[j];
      }
    }
    return products / complementarity;
  }

  private double primalObjective() {
    double total = 0;
    for (int j = 0; j < form.columns; j++) {
      total += (form.cost[j] + 0.5 * form.quad[j] * x[j]) * x[j];
    }
    return total;
  }

  /** One predictor-corrector step; returns its length. */
  private double step(double mu, int complementarity) {
    normal.factor(invH);
    // Predictor: pure Newton towards complementarity 0.
    direction(0, 0, false);
    double affineStep = maxStep();
    double affineMu = complementarityAfter(affineStep) / complementarity;
    double sigma = Math.pow(affineMu / mu, 3);
    System.arraycopy(dx, 0, affineDx, 0, form.columns);
    System.arraycopy(dzl, 0, affineDzl, 0, form.columns);
    System.arraycopy(dzu, 0, affineDzu, 0, form.columns);
    // Corrector: centre by sigma*mu and cancel the predictor's second-order term.
    direction(sigma * mu, 1, true);
    double alpha = Math.min(1, stepFraction * maxStep());
    for (int j = 0; j < form.columns; j++) {
      double move = alpha * dx[j];
      x[j] += move;
      gapLow[j] += move;
      zl[j] += alpha * dzl[j];
      zu[j] += alpha * dzu[j];
    }
    for (int i = 0; i < upperCount; i++) {
      int j = upperColumns[i];
      gapHigh[j] -= alpha * dx[j];
    }
    for (int i = 0; i < form.rows; i++) {
      lambda[i] += alpha * dlambda[i];
    }
    return alpha;
  }

  /**
   * Solves the Newton system with complementarity targets
   * {@code gapLow*zl = target - corr*affineDx*affineDzl} (and the mirror for upper bounds).
   */
  private void direction(double target, double corr, boolean useAffine) {
    double c = useAffine ? corr : 0;
    double[] r = columnWork;
    // rowRhs = rp - A H^-1 r
    for (int j = 0; j < form.columns; j++) {
      double rl = target - gapLow[j] * zl[j] - c * affineDx[j] * affineDzl[j];
      double ru = target - gapHigh[j] * zu[j] + c * affineDx[j] * affineDzu[j];
      double v = -dualResidual[j] + rl * inverseGapLow[j] - ru * inverseGapHigh[j];
      r[j] = v;
      dx[j] = invH[j] * v;
    }
    form.multiply(dx, rowRhs);
    for (int i = 0; i < form.rows; i++) {
      rowRhs[i] = primalResidual[i] - rowRhs[i];
    }
    normal.solve(rowRhs, dlambda);
    if (useAffine) {
      // Only the step taken needs full accuracy; the predictor just sizes sigma and the
      // second-order term.
      refine();
    }
    // dx = H^-1 (r + A' dlambda), then the bound duals.
    form.multiplyTransposed(dlambda, dx);
    for (int j = 0; j < form.columns; j++) {
      double d = invH[j] * (r[j] + dx[j]);
      dx[j] = d;
      double rl = target - gapLow[j] * zl[j] - c * affineDx[j] * affineDzl[j];
      double ru = target - gapHigh[j] * zu[j] + c * affineDx[j] * affineDzu[j];
      dzl[j] = (rl - zl[j] * d) * inverseGapLow[j];
      dzu[j] = (ru + zu[j] * d) * inverseGapHigh[j];
    }
  }

  /**
   * Iterative refinement of the normal equations, a few O(nnz) steps while the residual shrinks:
   * near the optimum the factorisation loses digits (barrier terms span 20 decades) and this
   * recovers them cheaply.
   */
  private void refine() {
    double target = REFINE_TOLERANCE * (1 + maxAbs(rowRhs));
    double previous = Double.POSITIVE_INFINITY;
    for (int round = 0; round < MAX_REFINEMENTS; round++) {
      double residual = normalResidual();
      if (residual <= target || !(residual < 0.5 * previous)) {
        return;
      }
      previous = residual;
      normal.solve(rowWork, rowCorrection);
      for (int i = 0; i < form.rows; i++) {
        dlambda[i] += rowCorrection[i];
      }
    }
  }

  /** rowWork = rowRhs - A H^-1 A' dlambda; returns its largest magnitude. */
  private double normalResidual() {
    form.multiplyTransposed(dlambda, dx);
    for (int j = 0; j < form.columns; j++) {
      dx[j] *= invH[j];
    }
    form.multiply(dx, rowWork);
    double max = 0;
    for (int i = 0; i < form.rows; i++) {
      rowWork[i] = rowRhs[i] - rowWork[i];
      max = Math.max(max, Math.abs(rowWork[i]));
    }
    return max;
  }

  /** Largest step in (0, 1/stepFraction] keeping gaps and bound duals non-negative. */
  private double maxStep() {
    // The step is 1 / (largest relative decrease), without a division per column.
    double worst = stepFraction;
    for (int j = 0; j < form.columns; j++) {
      double d = dx[j];
      double lowDecrease = -d * inverseGapLow[j];
      double highDecrease = d * inverseGapHigh[j];
      double zlDecrease = -dzl[j] * inverseZl[j];
      double zuDecrease = -dzu[j] * inverseZu[j];
      double m = lowDecrease > highDecrease ? lowDecrease : highDecrease;
      double n = zlDecrease > zuDecrease ? zlDecrease : zuDecrease;
      m = m > n ? m : n;
      worst = m > worst ? m : worst;
    }
    return 1 / worst;
  }

  private double complementarityAfter(double stepLength) {
    double alpha = Math.min(1, stepLength);
    double total = 0;
    for (int j = 0; j < form.columns; j++) {
      double d = alpha * dx[j];
      total += (gapLow[j] + d) * (zl[j] + alpha * dzl[j])
          + (gapHigh[j] - d) * (zu[j] + alpha * dzu[j]);
    }
    return total;
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
