package org.heatgrid.control.loop;

import java.util.List;

/**
 * Implemented by controllers that can say what they plan beyond the coming period. The loop asks
 * right after {@code decide}, attaches the plan to the setpoints and records it. Controllers
 * without a plan need not implement it.
 */
public interface PlanSource {

  /** The plan of the last decision for a building, the coming period first; empty when none. */
  List<PlannedStep> plan(String buildingId);
}
