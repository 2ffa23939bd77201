package org.heatgrid.sim.run;

import java.util.Map;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;

/**
 * Not a controller but a bound: run by {@link Simulation}, it replaces every substation and its
 * radiators by an ideal heat source that gives each zone, every internal substep, exactly the
 * heat that brings it to the comfort band's lower edge (20 C occupied, 16 C not, or the
 * scenario's band) and nothing when it is warmer, as thermostatic valves with unlimited power
 * would. It knows the plant's true state and
 * needs no preheating time (unlimited power), so no controller that heats through the radiators
 * can hold the band with less heat. It answers how much heat there is left to save, which the
 * oracle, being an MPC itself, cannot.
 */
public final class IdealHeating implements Controller {

  /** What the run records as the command of every step: no setpoint, no limit. */
  static final Command NONE = new Command(Double.NaN, Command.NO_LIMIT);

  @Override
  public String name() {
    return "ideal";
  }

  @Override
  public Decision decide(Observation o) {
    return new Decision(Map.of());
  }
}
