package org.heatgrid.sim.plant;

import java.util.Objects;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.OccupancySchedule;

/**
 * A building of the virtual campus as the scenario describes it: use, size, shape and age, from
 * which the plant derives its thermal parameters ({@link BuildingDesign}).
 *
 * @param id identifier
 * @param name human-readable name
 * @param type use type
 * @param floorAreaM2 heated floor area
 * @param floors storeys above ground
 * @param builtYear construction year (selects the envelope quality)
 * @param schedule occupancy schedule
 * @param comfort comfort band
 * @param radiatorOversize installed radiator capacity over the design heat load, 1.0-2.0
 * @param substationKw substation capacity; NaN to size it from the design load
 * @param supplyMaxC highest secondary supply temperature
 */
public record BuildingSpec(
    String id,
    String name,
    BuildingType type,
    double floorAreaM2,
    int floors,
    int builtYear,
    OccupancySchedule schedule,
    ComfortBand comfort,
    double radiatorOversize,
    double substationKw,
    double supplyMaxC) {

  public BuildingSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(comfort, "comfort");
  }
}
