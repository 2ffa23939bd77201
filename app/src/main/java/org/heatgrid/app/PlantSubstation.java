package org.heatgrid.app;

import java.time.Clock;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.gateway.Substation;

/** One building of the {@link LivePlant} as a gateway's substation, on the run's clock. */
final class PlantSubstation implements Substation {

  private final LivePlant plant;
  private final int building;
  private final Clock clock;

  PlantSubstation(LivePlant plant, int building, Clock clock) {
    this.plant = plant;
    this.building = building;
    this.clock = clock;
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
    plant.apply(building, command, clock.instant());
  }
}
