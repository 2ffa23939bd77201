package org.heatgrid.control.loop;

import java.util.Objects;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.site.Site;

/**
 * A controller that can be replaced while the loop runs (the MPC from a new bundle, a rollback,
 * the heating curve when no bundle is valid). The replacement takes over at the next decision,
 * on the loop's thread, after its {@code start}; if that start fails, the running one stays.
 */
public final class SwitchableController implements Controller {

  private volatile Controller current;
  private volatile Controller pending;
  private volatile Site site;
  private volatile String switchFailure;

  public SwitchableController(Controller initial) {
    this.current = Objects.requireNonNull(initial, "initial");
  }

  /** Hands {@code next} the control from the next period on. */
  public void switchTo(Controller next) {
    pending = Objects.requireNonNull(next, "next");
  }

  /** The controller deciding now (the pending one once it has taken over). */
  public Controller current() {
    return current;
  }

  /** Why the last replacement did not take over, or null. */
  public String switchFailure() {
    return switchFailure;
  }

  @Override
  public String name() {
    return current.name();
  }

  @Override
  public void start(Site site) {
    this.site = site;
    current.start(site);
  }

  @Override
  public Decision decide(Observation o) {
    Controller next = pending;
    if (next != null) {
      pending = null;
      try {
        if (site != null) {
          next.start(site);
        }
        current = next;
      } catch (RuntimeException e) {
        switchFailure = next.name() + " did not start: " + e;
      }
    }
    return current.decide(o);
  }
}
