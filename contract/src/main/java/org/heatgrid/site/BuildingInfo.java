package org.heatgrid.site;

import java.util.Objects;

/**
 * One building as its operator describes it to a controller.
 *
 * @param id short identifier used in topics, files and KPIs
 * @param name human-readable name
 * @param type use type (office, laboratory, ...)
 * @param floorAreaM2 heated floor area
 * @param zones number of indoor temperature sensors (one per thermal zone)
 * @param schedule occupancy schedule
 * @param comfort comfort band
 * @param substationCapacityKw nameplate capacity of the substation's heat exchanger
 * @param supplyMaxC highest secondary supply temperature the installation accepts
 */
public record BuildingInfo(
    String id,
    String name,
    String type,
    double floorAreaM2,
    int zones,
    OccupancySchedule schedule,
    ComfortBand comfort,
    double substationCapacityKw,
    double supplyMaxC) {

  public BuildingInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(comfort, "comfort");
    if (!(floorAreaM2 > 0) || zones < 1 || !(substationCapacityKw > 0) || !(supplyMaxC > 20)) {
      throw new IllegalArgumentException("building " + id + ": floor area, zones, capacity and "
          + "maximum supply temperature must be positive (supply above 20 C)");
    }
  }
}
