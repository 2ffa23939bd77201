package org.heatgrid.site;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.tariff.Tariff;

/**
 * A cluster of buildings on one district-heating connection, as its controller knows it.
 *
 * @param name site name
 * @param zone local time zone (schedules and tariff bands are in local time)
 * @param controlStep control period
 * @param tariff heat tariff
 * @param holidays public-holiday calendar used by the schedules
 * @param buildings the buildings, in a fixed order
 */
public record Site(
    String name,
    ZoneId zone,
    Duration controlStep,
    Tariff tariff,
    HolidayCalendar holidays,
    List<BuildingInfo> buildings) {

  public Site {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(controlStep, "controlStep");
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(holidays, "holidays");
    buildings = List.copyOf(buildings);
    if (buildings.isEmpty()) {
      throw new IllegalArgumentException("a site needs at least one building");
    }
  }

  public Optional<BuildingInfo> building(String id) {
    // A loop, not a stream: the control loop asks for every building on every tick.
    for (BuildingInfo b : buildings) {
      if (b.id().equals(id)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
