package org.heatgrid.learn;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.control.mpc.model.ModelIdentifier;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.learn.bundle.ModelBundle;

/**
 * Whether a newly learnt bundle may replace the running one: both bundles' models (the ones the
 * MPC plans with: two-state where a bundle has them) are scored on the same days, the new
 * record's held-out days (which neither was fitted on, since the running bundle was learnt
 * earlier and the candidate held them out), and the candidate passes
 * when its mean 24-hour simulation RMSE over buildings is no worse.
 */
public final class BundleGate {

  /**
   * @param accepted whether the candidate may replace the running bundle
   * @param candidateRmseK candidate's mean held-out 24-hour RMSE, K
   * @param runningRmseK the running bundle's on the same days, K (NaN when none runs)
   * @param reason the decision in words, for the audit log
   */
  public record Decision(boolean accepted, double candidateRmseK, double runningRmseK,
      String reason) {}

  private BundleGate() {}

  /**
   * @param running the bundle in use, or null (then any candidate passes)
   * @param history the record the candidate was learnt from
   */
  public static Decision decide(ModelBundle candidate, ModelBundle running, SiteHistory history,
      LearnSettings s) {
    if (running == null) {
      double cand = score(candidate.planModels(), candidate.planModels(), history, s);
      return new Decision(true, cand, Double.NaN, String.format(Locale.ROOT,
          "no bundle was running; %s held-out RMSE %.3f K", candidate.version(), cand));
    }
    // Both over the buildings both know, so that the means are of the same buildings.
    double cand = score(candidate.planModels(), running.planModels(), history, s);
    double run = score(running.planModels(), candidate.planModels(), history, s);
    if (!Double.isFinite(run)) {
      return new Decision(true, cand, run, String.format(Locale.ROOT,
          "%s: held-out 24 h RMSE %.3f K; running %s cannot be scored on this site's record: "
              + "accepted", candidate.version(), cand, running.version()));
    }
    boolean ok = cand <= run;
    return new Decision(ok, cand, run, String.format(Locale.ROOT,
        "%s: held-out 24 h RMSE %.3f K vs %.3f K of running %s on the same days: %s",
        candidate.version(), cand, run, running.version(), ok ? "accepted" : "refused (worse)"));
  }

  /**
   * Mean over the history's buildings that {@code also} has a model for, of {@code models}' 24-hour
   * RMSE on the held-out days, K.
   */
  static double score(Map<String, PlanModel> models, Map<String, PlanModel> also,
      SiteHistory history, LearnSettings s) {
    double sum = 0;
    int n = 0;
    for (int b = 0; b < history.site().buildings().size(); b++) {
      BuildingHistory h = history.history(b);
      PlanModel m = models.get(h.buildingId());
      if (m == null || !also.containsKey(h.buildingId())) {
        continue;
      }
      Set<LocalDate> days = ModelIdentifier.heldOutDays(h, s.heldOutEveryNthDay());
      // The model the MPC plans with: the two-state one where the bundle has it.
      double rmse = (m.twoState() != null ? ModelIdentifier.score(m.twoState(), h, days)
          : ModelIdentifier.score(m.thermal(), h, days)).horizonRmseK();
      if (Double.isFinite(rmse)) {
        sum += rmse;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
