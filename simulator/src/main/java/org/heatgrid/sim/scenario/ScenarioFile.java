package org.heatgrid.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written, before checks: the shape Jackson binds to (keys in snake_case).
 * Absent optional keys are null. {@link ScenarioChecks} turns it into a {@link Scenario}.
 */
record ScenarioFile(
    String name,
    String description,
    List<String> notes,
    Long seed,
    Period period,
    Integer controlStepMinutes,
    String timezone,
    String holidays,
    Weather weather,
    Tariff tariff,
    Comfort comfort,
    List<Building> buildings,
    String controller,
    Map<String, Map<String, JsonNode>> controllers) {

  record Period(String from, String to, Integer warmupDays) {}

  record Weather(String file, String forecastError, Integer forecastHorizonHours) {}

  record Tariff(String name, Double basicKrwPerMcalhMonth, Usage usage) {}

  record Usage(String type, Double krwPerMcal, Double peakKrwPerMcal, Double offPeakKrwPerMcal,
      List<Integer> peakHours, List<Integer> peakMonths) {}

  record Comfort(List<Double> occupied, List<Double> unoccupied) {}

  record Schedule(String weekday, String saturday, String sundayHoliday) {}

  record Building(
      String id,
      String name,
      String type,
      Double floorAreaM2,
      Integer floors,
      Integer built,
      Double radiatorOversize,
      Double substationKw,
      Double supplyMaxC,
      Schedule schedule,
      Comfort comfort) {}
}
