package org.heatgrid.control.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The default {@link SavingsEstimate}: not computed yet, and says so. */
@ApplicationScoped
@DefaultBean
public class PlaceholderSavings implements SavingsEstimate {

  @Override
  public Savings toDate() {
    return new Savings(Optional.empty(), Optional.empty(),
        "not computed: needs the baseline replayed on the recorded weather (not built yet)");
  }
}
