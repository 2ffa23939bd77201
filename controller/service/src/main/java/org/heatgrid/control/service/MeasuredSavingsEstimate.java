package org.heatgrid.control.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.heatgrid.control.service.models.SiteSavings;
import org.heatgrid.learn.mv.AvoidedEnergy;

/**
 * The status summary's savings: measured savings (M&V) since the MPC first ran, as
 * {@code GET /api/savings} reports them in detail; says why when there are none.
 */
@ApplicationScoped
@DefaultBean
public class MeasuredSavingsEstimate implements SavingsEstimate {

  private final ControlService service;

  public MeasuredSavingsEstimate(ControlService service) {
    this.service = service;
  }

  @Override
  public Savings toDate() {
    SiteSavings.Result r = service.models().savings().toDate();
    if (r.estimate().isEmpty()) {
      return new Savings(Optional.empty(), Optional.empty(), "M&V: " + r.why());
    }
    AvoidedEnergy a = r.estimate().get();
    return new Savings(Optional.of(a.savedUsageKrw()), Optional.of(a.savedMwh()),
        String.format(Locale.ROOT, "M&V since %s: TOWT-solar model (time of week, outdoor "
            + "temperature, the day's irradiance) of the heating-curve period %s .. %s predicts the "
            + "former operation's heat in the weather that came, minus the metered heat; usage "
            + "charge only; +/- %.2f MWh (90 %%, ASHRAE Guideline 14)",
            r.reportingFrom(), r.baselineFrom(), r.baselineTo(), a.uncertaintyMwh()));
  }
}
