package org.heatgrid.sim.tune;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.heatgrid.control.baseline.CurveTrim;
import org.heatgrid.sim.commission.Commissioning;
import org.heatgrid.sim.compare.BuildingComfort;
import org.heatgrid.sim.compare.Comparison;
import org.heatgrid.sim.compare.SeedSweep;
import org.heatgrid.sim.compare.SeedSweep.Figure;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.run.ProgressListener;
import org.heatgrid.sim.scenario.Scenario;

/**
 * Frozen tuning: the MPC's comfort margin rule chosen on a validation season, never on the
 * evaluation. A candidate is one margin for every building, or a margin that grows with each
 * building's model error ({@link Margin}), each with one of the given occupied-minimum shares
 * (the same share after opening and later; 0 is no minimum).
 * The validation season is the MPC's own history period and weather, never the evaluation's:
 * what a site has before it runs the MPC, under other seeds than the history's and the
 * evaluation's, so its reading noise, internal gains and hot-water draws are new draws (sensor
 * calibration errors belong to the hardware and stay). Every candidate runs against the
 * baseline on every validation seed. A candidate is admissible when, on every seed, its occupied
 * discomfort is at or below the baseline's and no building's is more than {@link
 * #BUILDING_EXCESS_KH} above its own baseline figure (the comfort bars of the evaluation, asked
 * of the validation); the cheapest admissible candidate (mean cost ratio) is chosen. When none
 * is admissible the one closest to the baseline's comfort is chosen, and {@link #admissible}
 * says so.
 *
 * @param validation the validation scenario (before its seeds are set), with the baseline the
 *     candidates were measured against
 * @param seeds the validation seeds
 * @param trials one per candidate, in the order given
 * @param chosen the chosen trial
 * @param admissible whether the chosen trial met the comfort rule
 */
public record Tuning(Scenario validation, List<Long> seeds, List<Trial> trials, Trial chosen,
    boolean admissible, boolean baselineCommissioned) {

  /** K*h per zone a building's occupied discomfort may exceed its own baseline figure. */
  public static final double BUILDING_EXCESS_KH = 0.5;

  /**
   * A candidate margin rule: each building's planned floor lies {@code baseK + perRmse * rmse}
   * above the band's edge, rmse being its model's held-out day-ahead error (see {@code
   * MpcSettings.marginK}).
   */
  public record Margin(double baseK, double perRmse) {

    public Margin {
      if (!(baseK >= 0) || Double.isInfinite(baseK)) {
        throw new IllegalArgumentException("comfort margin must be finite and >= 0: " + baseK);
      }
      if (!(perRmse >= 0) || Double.isInfinite(perRmse)) {
        throw new IllegalArgumentException("margin per K of model error must be finite and >= 0: "
            + perRmse);
      }
    }

    /** One margin for all buildings. */
    public static Margin uniform(double k) {
      return new Margin(k, 0);
    }

    /** A margin of {@code perRmse} times each building's model error. */
    public static Margin perModelError(double perRmse) {
      return new Margin(0, perRmse);
    }

    @Override
    public String toString() {
      return perRmse == 0 ? String.format(Locale.ROOT, "%.3f K", baseK)
          : baseK == 0 ? String.format(Locale.ROOT, "%.2f x rmse", perRmse)
          : String.format(Locale.ROOT, "%.3f K + %.2f x rmse", baseK, perRmse);
    }
  }

  /**
   * One candidate over the validation seeds.
   *
   * @param margin the candidate margin rule
   * @param occupiedShare the candidate's occupied minimum share (after opening and later)
   * @param costRatio MPC over baseline cost, per seed
   * @param energyRatio MPC over baseline heat, per seed
   * @param tdisExcessKh MPC minus baseline occupied discomfort, K*h per zone, per seed
   * @param worstBuildingExcessKh the worst building's excess over its own baseline, per seed
   * @param worstBuildings the building with that excess, per seed in the seeds' order
   */
  public record Trial(Margin margin, double occupiedShare, DoubleSummaryStatistics costRatio,
      DoubleSummaryStatistics energyRatio, DoubleSummaryStatistics tdisExcessKh,
      DoubleSummaryStatistics worstBuildingExcessKh, List<String> worstBuildings) {

    /** Whether on every seed the comfort rule holds. */
    public boolean admissible() {
      return tdisExcessKh.getMax() <= 0 && worstBuildingExcessKh.getMax() <= BUILDING_EXCESS_KH;
    }

    /** How far the worst seed is from the comfort rule (0 when admissible), for the fallback. */
    double comfortShortfall() {
      return Math.max(0, tdisExcessKh.getMax())
          + Math.max(0, worstBuildingExcessKh.getMax() - BUILDING_EXCESS_KH);
    }
  }

  /**
   * The validation scenario of an evaluation: its campus, tariff and baseline on the MPC's history
   * weather and period.
   *
   * @throws IllegalArgumentException when the history weather is the evaluation's, or a seed is
   *     the history's or the evaluation's
   */
  public static Scenario validation(Scenario evaluation, MpcParameters p, List<Long> seeds) {
    Scenario v = MpcSetup.historyScenario(evaluation, p);
    // A weather file is a typical year: the same file in another year is the same weather.
    if (v.weatherName().equals(evaluation.weatherName())) {
      throw new IllegalArgumentException("the validation weather " + v.weatherName()
          + " is the evaluation's: tuning must not see the evaluation's weather");
    }
    for (long s : seeds) {
      if (s == evaluation.seed()) {
        throw new IllegalArgumentException("validation seed " + s + " is the evaluation's seed");
      }
      if (s == Commissioning.DEFAULT_SEED) {
        throw new IllegalArgumentException("validation seed " + s
            + " is the seed the validation baseline is commissioned on");
      }
      if (s == p.historySeed()) {
        throw new IllegalArgumentException("validation seed " + s
            + " is the history's seed, on which the models were identified");
      }
    }
    return v;
  }

  /**
   * Runs every candidate margin rule against the baseline on every validation seed ({@code
   * parallel} seeds at a time) and chooses.
   *
   * @throws IllegalArgumentException for no candidate, no seed, or a validation that would see
   *     the evaluation ({@link #validation})
   */
  public static Tuning run(Scenario evaluation, MpcParameters p, List<Margin> margins,
      List<Long> seeds, int parallel) throws InterruptedException {
    return run(evaluation, p, margins, List.of(p.settings().occupiedHeatShare()), seeds, parallel);
  }

  /** As above, every margin rule with every occupied-minimum share of {@code shares}. */
  public static Tuning run(Scenario evaluation, MpcParameters p, List<Margin> margins,
      List<Double> shares, List<Long> seeds, int parallel) throws InterruptedException {
    return run(evaluation, p, margins, shares, seeds, parallel, true);
  }

  /**
   * As above; with {@code commissionBaseline} the candidates are compared with the heating curve
   * commissioned on the validation season itself ({@link #commissioned}), as the evaluation's
   * baseline is on the evaluation season, else with the evaluation's trims as shipped.
   */
  public static Tuning run(Scenario evaluation, MpcParameters p, List<Margin> margins,
      List<Double> shares, List<Long> seeds, int parallel, boolean commissionBaseline)
      throws InterruptedException {
    if (margins.isEmpty() || seeds.isEmpty() || shares.isEmpty()) {
      throw new IllegalArgumentException(
          "tuning needs at least one margin, one occupied share and one seed");
    }
    for (double share : shares) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("occupied share must lie in [0, 1]: " + share);
      }
    }
    Scenario history = validation(evaluation, p, seeds);
    // The candidates differ in settings only: one history and one identification serve them all.
    // The MPC is prepared exactly as for the evaluation (the history under the shipped trims);
    // only the baseline it is measured against is commissioned for the validation weather.
    Supplier<MpcSetup.Prepared> prepared = MpcSetup.shared(history, p);
    Scenario v = commissionBaseline ? commissioned(history) : history;
    List<Trial> trials = new ArrayList<>();
    for (double share : shares) {
      for (Margin m : margins) {
        MpcParameters candidate = p.withSettings(p.settings().withMargins(m.baseK(), m.perRmse())
            .withOccupiedShares(share, share));
        SeedSweep sweep = SeedSweep.run(v, seeds, List.of("baseline", "mpc"), candidate, parallel,
            prepared);
        DoubleSummaryStatistics excess = new DoubleSummaryStatistics();
        List<String> worst = new ArrayList<>();
        for (Comparison c : sweep.comparisons().values()) {
          excess.accept(Figure.TDIS_OCCUPIED.of(c, "mpc") - Figure.TDIS_OCCUPIED.of(c, "baseline"));
          worst.add(BuildingComfort.worstBuilding(c.kpis().get("mpc"), c.baseline()));
        }
        trials.add(new Trial(m, share, sweep.stats("mpc", Figure.COST_RATIO),
            sweep.stats("mpc", Figure.ENERGY_RATIO), excess,
            sweep.stats("mpc", Figure.WORST_BUILDING_EXCESS), List.copyOf(worst)));
      }
    }
    Trial best = null;
    for (Trial t : trials) {
      if (t.admissible() && (best == null
          || t.costRatio().getAverage() < best.costRatio().getAverage())) {
        best = t;
      }
    }
    boolean ok = best != null;
    if (!ok) {
      for (Trial t : trials) {
        if (best == null || t.comfortShortfall() < best.comfortShortfall()) {
          best = t;
        }
      }
    }
    return new Tuning(v, List.copyOf(seeds), List.copyOf(trials), Objects.requireNonNull(best), ok,
        commissionBaseline);
  }

  /**
   * {@code v} with its heating curve commissioned on {@code v}'s own weather and period (seed
   * {@value Commissioning#DEFAULT_SEED}, {@value Commissioning#DEFAULT_TARGET_KH} K*h per zone,
   * as the shipped trims were commissioned on the evaluation season). On another weather the
   * shipped trims under- or over-heat, and a comfort rule measured against such a baseline is not
   * the evaluation's rule (decision 0029: on the history's colder weather the shipped curve left 5.3 K*h/zone where it
   * leaves 2.65 on the evaluation, so a building could lose comfort on validation unseen).
   */
  public static Scenario commissioned(Scenario v) {
    Map<String, Commissioning.Result> results = new Commissioning(
        v.withSeed(Commissioning.DEFAULT_SEED), Commissioning.DEFAULT_TARGET_KH)
        .run(ProgressListener.NONE);
    Map<String, CurveTrim> trims = new LinkedHashMap<>();
    results.forEach((id, r) -> trims.put(id, r.trim()));
    return v.withBaseline(v.baseline().withTrims(trims));
  }

  /** One line per trial, for the terminal. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-16s %-6s %-22s %-22s %-24s %-24s %s", "margin",
        "share", "cost ratio mean (max)", "energy mean (max)", "tdis occ. excess max",
        "worst bldg excess max", "admissible (worst building)"));
    for (Trial t : trials) {
      out.add(String.format(Locale.ROOT, "%-16s %-6.2f %.4f (%.4f)        %.4f (%.4f)        "
          + "%+8.3f K*h/zone       %+8.3f K*h/zone       %s (%s)%s", t.margin(), t.occupiedShare(),
          t.costRatio().getAverage(), t.costRatio().getMax(), t.energyRatio().getAverage(),
          t.energyRatio().getMax(),
          t.tdisExcessKh().getMax(), t.worstBuildingExcessKh().getMax(),
          t.admissible() ? "yes" : "no", String.join(", ", t.worstBuildings()),
          t == chosen ? "  <- chosen" : ""));
    }
    return out;
  }

}
