package org.heatgrid.gateway;

import java.time.Clock;
import java.time.Instant;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;

/**
 * A stand-in substation for running a gateway without hardware or simulator: the outdoor
 * temperature follows a daily sine around a mean, the heating circuit's supply follows the last
 * setpoint, and the heat rate follows the radiators' excess temperature. Plausible numbers for
 * wiring and load tests, not a building model (that is the simulator's job). Thread-safe.
 */
public final class SimulatedSubstation implements Substation {

  private static final double ROOM_C = 21;
  /** Radiator output at 1 K mean excess temperature, kW/K^1.3 (about 150 kW at 70/50 C). */
  private static final double RADIATOR_KW = 150 / Math.pow(40, 1.3);

  private final Clock clock;
  private final String buildingId;
  private final double meanOutdoorC;
  private volatile Command command = Command.supply(ROOM_C);

  public SimulatedSubstation(Clock clock, String buildingId, double meanOutdoorC) {
    this.clock = clock;
    this.buildingId = buildingId;
    this.meanOutdoorC = meanOutdoorC;
  }

  /** The command applied last. */
  public Command lastCommand() {
    return command;
  }

  @Override
  public double outdoorC() {
    Instant now = clock.instant();
    double dayFraction = (now.getEpochSecond() % 86_400) / 86_400.0;
    return meanOutdoorC + 4 * Math.sin(2 * Math.PI * (dayFraction - 0.375));
  }

  @Override
  public void apply(Command c) {
    command = c;
  }

  @Override
  public Telemetry read() {
    Command c = command;
    double supply = Math.max(ROOM_C, c.supplySetpointC());
    double excess = Math.max(0, supply - 5 - ROOM_C); // mean water temperature ~ supply - 5 K
    double heat = Math.min(c.heatLimitKw(), RADIATOR_KW * Math.pow(excess, 1.3));
    double flowM3h = heat > 0 ? heat / (1.163 * 10) : 0; // 10 K drop
    double secondaryReturn = heat > 0 ? supply - 10 : supply;
    return new Telemetry(buildingId, heat, 110, 60, heat > 0 ? heat / (1.163 * 50) : 0, supply,
        secondaryReturn, flowM3h, new double[] {ROOM_C, ROOM_C - 0.5}, outdoorC(), false);
  }

  @Override
  public String toString() {
    return "SimulatedSubstation[" + buildingId + ", " + command + "]";
  }
}
