package org.heatgrid.app;

import java.util.Objects;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.site.Site;

/**
 * The run's controller after its warm-up: the control loop starts it with the site at its first
 * period, which would reset what the warm-up built (damped outdoor temperature, observers); a
 * start with the warm-up's own site is therefore skipped. A changed site (an operator changed
 * comfort bands or schedules) is passed on.
 */
final class WarmController implements Controller {

  private final Controller inner;
  private final Site warmedWith;

  WarmController(Controller inner, Site warmedWith) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.warmedWith = Objects.requireNonNull(warmedWith, "warmedWith");
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void start(Site site) {
    if (!warmedWith.equals(site)) {
      inner.start(site);
    }
  }

  @Override
  public Decision decide(Observation observation) {
    return inner.decide(observation);
  }

}
