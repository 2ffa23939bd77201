package org.heatgrid.gateway;

import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;

/**
 * The hardware side of a gateway: a building's substation with its meters and sensors. A real
 * gateway talks to its PLC here; the simulator plugs in a virtual building. The gateway calls all
 * methods from its one loop thread.
 */
public interface Substation {

  /**
   * The readings of the period since the previous call (means of meters, last indoor readings).
   * The gateway sets {@link Telemetry#localFallback()} itself, so implementations may leave it false.
   */
  Telemetry read();

  /** The outdoor sensor's current reading, C; {@code NaN} when unreadable. */
  double outdoorC();

  /** Applies a setpoint from now on until the next call. */
  void apply(Command command);
}
