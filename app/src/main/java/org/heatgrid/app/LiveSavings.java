package org.heatgrid.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.heatgrid.control.service.SavingsEstimate;

/** {@code GET /api/status} savings: the run's {@link RunningSavings} so far. */
@ApplicationScoped
public class LiveSavings implements SavingsEstimate {

  @Override
  public Savings toDate() {
    return RunContext.get().map(s -> {
      RunningSavings.Snapshot k = s.savings().snapshot();
      return new Savings(Optional.of(k.savedKrw()), Optional.of(k.baselineMwh() - k.liveMwh()),
          "usage charge and heat against the baseline simulated on the same scenario, weather and"
              + " seed, over the " + k.steps() + " control steps run so far (to " + k.at() + ")");
    }).orElse(new Savings(Optional.empty(), Optional.empty(), "not computed: no run"));
  }
}
