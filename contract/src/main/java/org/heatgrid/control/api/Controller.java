package org.heatgrid.control.api;

import org.heatgrid.site.Site;

/**
 * A heat-supply controller for one site. One call per control period, with a frozen snapshot in
 * and setpoints out; no blocking I/O inside {@link #decide}. Implementations need not be
 * thread-safe: the control loop calls them from one thread.
 */
public interface Controller {

  /** Short name used in reports and on the command line, e.g. {@code baseline}. */
  String name();

  /** Called once before the first {@link #decide}, with what the operator knows of the site. */
  default void start(Site site) {}

  /**
   * Plans the coming control period.
   *
   * @param observation the measurements of the period that just ended and the current forecast
   * @return a command per building; a building missing from the decision, or with a non-finite
   *     setpoint, falls back to its gateway's local heating curve and is counted
   */
  Decision decide(Observation observation);
}
