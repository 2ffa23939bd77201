package org.heatgrid.app.fleet;

import java.time.Clock;
import java.time.Instant;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.Substation;

/**
 * One building of a {@link SitePlant} as a gateway's substation, which also writes the gateway's
 * {@link SetpointLedger}: when the gateway applies a command while it holds a controller setpoint
 * ({@link EdgeGateway#heldSetpoint()}, set before the command of an accepted setpoint is applied;
 * empty when it applies its local curve), that setpoint is recorded as applied now.
 */
final class LedgerSubstation implements Substation {

  private final SitePlant plant;
  private final int building;
  private final Clock clock;
  private final SetpointLedger ledger = new SetpointLedger();
  private volatile EdgeGateway gateway;

  LedgerSubstation(SitePlant plant, int building, Clock clock) {
    this.plant = plant;
    this.building = building;
    this.clock = clock;
  }

  /** The gateway this substation belongs to (set once, right after the gateway is built). */
  void attach(EdgeGateway g) {
    this.gateway = g;
  }

  SetpointLedger ledger() {
    return ledger;
  }

  @Override
  public Telemetry read() {
    return plant.telemetry(building, clock.instant());
  }

  @Override
  public double outdoorC() {
    Telemetry t = plant.telemetry(building, clock.instant());
    return t == null ? Double.NaN : t.outdoorC();
  }

  @Override
  public void apply(Command command) {
    Instant now = clock.instant();
    plant.apply(building, command, now);
    EdgeGateway g = gateway;
    if (g != null) {
      g.heldSetpoint().ifPresent(m -> ledger.applied(m, now));
    }
  }
}
