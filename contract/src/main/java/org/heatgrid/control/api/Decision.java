package org.heatgrid.control.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A controller's commands for one control period, by building id, and what it plans beyond it.
 *
 * <p>Plans are made on demand: a controller that plans a long horizon for many buildings need not
 * translate every step when nobody reads it (the simulator's substations apply only commands).
 *
 * @param commands per building id, the command for the coming period
 * @param plans the plan of each building, the coming period first
 */
public record Decision(Map<String, Command> commands, Plans plans) {

  /** The plan of a building in a decision; computed when asked. */
  @FunctionalInterface
  public interface Plans {

    /** No plans: a controller that only decides the coming period. */
    Plans NONE = buildingId -> List.of();

    /**
     * The plan of {@code buildingId}, the coming period first; empty when there is none.
     *
     * @throws RuntimeException when it cannot be made; the decision's commands stand without it
     */
    List<PlanStep> plan(String buildingId);
  }

  public Decision {
    commands = Map.copyOf(commands);
    Objects.requireNonNull(plans, "plans");
  }

  /** Commands without plans. */
  public Decision(Map<String, Command> commands) {
    this(commands, Plans.NONE);
  }

  public Command command(String buildingId) {
    return commands.get(buildingId);
  }

  /** The plan of a building, the coming period first; empty when none. */
  public List<PlanStep> plan(String buildingId) {
    return List.copyOf(plans.plan(buildingId));
  }
}
