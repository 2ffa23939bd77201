package org.heatgrid.sim.plant;

import java.util.Locale;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;

/**
 * Use types of campus buildings with their default schedules and internal loads. Values are
 * typical-practice assumptions (ISO 17772-1 / ASHRAE 62.1 orders of magnitude for gains and
 * ventilation; Korean campus practice for schedules); the scenario notes list them with sources.
 *
 * <p>Gains and ventilation rates are means over occupied hours (rooms are not all full all day:
 * lecture halls and offices average about half their peak occupancy); the plant varies them
 * randomly.
 */
public enum BuildingType {
  //          weekday        saturday       sunday/holiday  gainOcc gainUnocc achOcc achUnocc hr   dhw   massKj wwr
  OFFICE("08:00-19:00", "closed", "closed", 12, 3, 1.0, 0.0, 0.0, 0.0, 260, 0.35),
  LABORATORY("08:00-22:00", "09:00-18:00", "closed", 15, 6, 3.0, 1.5, 0.3, 0.0, 260, 0.30),
  LIBRARY("08:00-23:00", "09:00-18:00", "09:00-18:00", 10, 2, 1.0, 0.0, 0.5, 0.0, 260, 0.40),
  LECTURE("08:00-21:00", "closed", "closed", 12, 2, 1.5, 0.0, 0.5, 0.0, 260, 0.35),
  DORMITORY("00:00-24:00", "00:00-24:00", "00:00-24:00", 5, 5, 0.5, 0.5, 0.0, 2.0, 260, 0.25),
  GYM("07:00-22:00", "09:00-18:00", "closed", 6, 1, 1.5, 0.2, 0.0, 0.8, 165, 0.20),
  STUDENT_CENTER("07:30-20:00", "09:00-15:00", "closed", 12, 3, 2.0, 0.2, 0.0, 0.6, 260, 0.35);

  /** Default occupancy schedule. */
  public final OccupancySchedule schedule;
  /** Internal gains (people, lighting, equipment) while occupied and not, W per m2 floor. */
  final double gainsOccupiedWm2;
  final double gainsUnoccupiedWm2;
  /** Mechanical ventilation while occupied and not, air changes per hour. */
  final double ventilationOccupiedAch;
  final double ventilationUnoccupiedAch;
  /** Heat-recovery efficiency of the ventilation, 0..1. */
  final double heatRecovery;
  /** Domestic hot water at 55 C, litres per m2 floor per day; 0 where the type has none. */
  final double dhwLitresPerM2Day;
  /** Effective heat capacity of the structure, kJ per m2 floor per K (ISO 13790 classes). */
  final double massKjPerM2K;
  /** Window-to-wall ratio. */
  final double windowToWall;

  BuildingType(String weekday, String saturday, String sunday, double gainsOcc, double gainsUnocc,
      double achOcc, double achUnocc, double heatRecovery, double dhw, double massKj, double wwr) {
    this.schedule = new OccupancySchedule(
        DailyHours.parse(weekday), DailyHours.parse(saturday), DailyHours.parse(sunday));
    this.gainsOccupiedWm2 = gainsOcc;
    this.gainsUnoccupiedWm2 = gainsUnocc;
    this.ventilationOccupiedAch = achOcc;
    this.ventilationUnoccupiedAch = achUnocc;
    this.heatRecovery = heatRecovery;
    this.dhwLitresPerM2Day = dhw;
    this.massKjPerM2K = massKj;
    this.windowToWall = wwr;
  }

  /** Scenario spelling: lower case with underscores, e.g. {@code student_center}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException listing the known types */
  public static BuildingType parse(String key) {
    for (BuildingType t : values()) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    StringBuilder known = new StringBuilder();
    for (BuildingType t : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(t.key());
    }
    throw new IllegalArgumentException("unknown building type \"" + key + "\"; known: " + known);
  }

  public boolean hasDomesticHotWater() {
    return dhwLitresPerM2Day > 0;
  }
}
