package org.heatgrid.control.loop;

/**
 * Where the loop's setpoints go: an MQTT publisher in the service, a list in tests. Called from
 * the loop's thread only.
 */
public interface SetpointOutbox {

  /**
   * Hands one setpoint on. Should not block for long (queue it if the transport is slow).
   *
   * @throws RuntimeException when it cannot; the loop logs and counts it and goes on
   */
  void publish(Setpoint setpoint);

  /**
   * Whether setpoints should carry the controller's plan. An outbox whose receivers apply only the
   * command (the simulator's substations) says no, and the loop then neither asks the controller's
   * decision for its plans nor records them.
   */
  default boolean wantsPlans() {
    return true;
  }
}
