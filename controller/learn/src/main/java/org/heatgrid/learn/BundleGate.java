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
 * Whether a newly learnt bundle may replace the running one: both bundles' thermal models are
 * scored on the same days, the new record's held-out days (which neither was fitted on, since the
 * running bundle was learnt earlier and the candidate held them out), and the candidate passes
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
    double cand = score(candidate.planModels(), history, s);
    if (running == null) {
      return new Decision(true, cand, Double.NaN, String.format(Locale.ROOT,
          "no bundle was running; %s held-out RMSE %.3f K", candidate.version(), cand));
    }
    double run = score(running.planModels(), history, s);
    boolean ok = cand <= run;
    return new Decision(ok, cand, run, String.format(Locale.ROOT,
        "%s: held-out 24 h RMSE %.3f K vs %.3f K of running %s on the same days: %s",
        candidate.version(), cand, run, running.version(), ok ? "accepted" : "refused (worse)"));
  }

  /** Mean over buildings of the 24-hour RMSE on the history's held-out days, K. */
  static double score(Map<String, PlanModel> models, SiteHistory history, LearnSettings s) {
    double sum = 0;
    int n = 0;
    for (int b = 0; b < history.site().buildings().size(); b++) {
      BuildingHistory h = history.history(b);
      PlanModel m = models.get(h.buildingId());
      if (m == null) {
        continue;
      }
      Set<LocalDate> days = ModelIdentifier.heldOutDays(h, s.heldOutEveryNthDay());
      double rmse = ModelIdentifier.score(m.thermal(), h, days).horizonRmseK();
      if (Double.isFinite(rmse)) {
        sum += rmse;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
