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

  private final String name;
  private final double[] marginK;

  /** The bound at the comfort band's edge. */
  public IdealHeating() {
    this("ideal", null);
  }

  /**
   * The bound of controllers that plan a margin above the band's edge: every zone of building b
   * is held at the edge plus {@code marginK[b]}. A controller that holds its zones at those
   * floors cannot use less heat than this source, up to the sensors' errors (room sensors: 0.15 K
   * calibration sd, see {@code Sensors}).
   *
   * @param name the name reported for the run
   * @param marginK per building in the scenario's order, added to the band's lower edge, K, each
   *     finite and >= 0; null for none
   */
  public IdealHeating(String name, double[] marginK) {
    if (marginK != null) {
      for (double m : marginK) {
        if (!(m >= 0) || Double.isInfinite(m)) {
          throw new IllegalArgumentException("ideal heating margin must be finite and >= 0 K: " + m);
        }
      }
    }
    this.name = name;
    this.marginK = marginK == null ? null : marginK.clone();
  }

  /** Added to building b's comfort band's lower edge, K. */
  public double marginK(int b) {
    return marginK == null ? 0 : marginK[b];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decision decide(Observation o) {
    return new Decision(Map.of());
  }
}
