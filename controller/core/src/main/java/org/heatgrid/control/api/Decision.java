package org.heatgrid.control.api;

import java.util.Map;

/** A controller's commands for one control period, by building id. */
public record Decision(Map<String, Command> commands) {

  public Decision {
    commands = Map.copyOf(commands);
  }

  public Command command(String buildingId) {
    return commands.get(buildingId);
  }
}
