package org.heatgrid.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.sim.plant.BuildingSpec;
import org.heatgrid.sim.weather.EpwYear;
import org.heatgrid.sim.weather.ForecastErrorLevel;
import org.heatgrid.tariff.Tariff;

/**
 * A checked scenario: everything a simulation run needs. Made by {@link ScenarioLoader}; the
 * {@code with...} methods give variants (another period, seed or controller) for the command line.
 *
 * @param name scenario name
 * @param description one line
 * @param notes assumptions and sources, as written in the file
 * @param source where it was read from
 * @param seed random seed of the plant and the forecast errors
 * @param from first simulated day (local)
 * @param to last simulated day, inclusive
 * @param warmupDays days simulated before {@code from} and left out of the KPIs
 * @param controlStep control period
 * @param zone local time zone
 * @param holidays public-holiday calendar
 * @param weatherName weather file name
 * @param weather the weather year
 * @param forecastError forecast error level
 * @param forecastHorizon forecast horizon
 * @param tariff heat tariff
 * @param buildings building descriptions
 * @param controller name of the controller to run
 * @param baseline settings of the baseline controller (defaults when the file has none)
 * @param controllerParameters parameters of every controller named in the file, as written
 */
public record Scenario(
    String name,
    String description,
    List<String> notes,
    String source,
    long seed,
    LocalDate from,
    LocalDate to,
    int warmupDays,
    Duration controlStep,
    ZoneId zone,
    HolidayCalendar holidays,
    String weatherName,
    EpwYear weather,
    ForecastErrorLevel forecastError,
    Duration forecastHorizon,
    Tariff tariff,
    List<BuildingSpec> buildings,
    String controller,
    BaselineSettings baseline,
    Map<String, Map<String, JsonNode>> controllerParameters) {

  public Scenario {
    notes = List.copyOf(notes);
    buildings = List.copyOf(buildings);
    controllerParameters = Map.copyOf(controllerParameters);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period ends before it starts: " + from + " to " + to);
    }
  }

  /** The same scenario over another period. */
  public Scenario withPeriod(LocalDate newFrom, LocalDate newTo) {
    return new Scenario(name, description, notes, source, seed, newFrom, newTo, warmupDays,
        controlStep, zone, holidays, weatherName, weather, forecastError, forecastHorizon, tariff,
        buildings, controller, baseline, controllerParameters);
  }

  /** The same scenario under another tariff. */
  public Scenario withTariff(Tariff newTariff) {
    return new Scenario(name, description, notes, source, seed, from, to, warmupDays, controlStep,
        zone, holidays, weatherName, weather, forecastError, forecastHorizon, newTariff, buildings,
        controller, baseline, controllerParameters);
  }

  /** The same scenario with another seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, notes, source, newSeed, from, to, warmupDays,
        controlStep, zone, holidays, weatherName, weather, forecastError, forecastHorizon, tariff,
        buildings, controller, baseline, controllerParameters);
  }

  /** The same scenario with other baseline settings (commissioning). */
  public Scenario withBaseline(BaselineSettings newBaseline) {
    return new Scenario(name, description, notes, source, seed, from, to, warmupDays,
        controlStep, zone, holidays, weatherName, weather, forecastError, forecastHorizon, tariff,
        buildings, controller, newBaseline, controllerParameters);
  }

  /** The same scenario under another weather year. */
  public Scenario withWeather(String newName, EpwYear newWeather) {
    return new Scenario(name, description, notes, source, seed, from, to, warmupDays,
        controlStep, zone, holidays, newName, newWeather, forecastError, forecastHorizon, tariff,
        buildings, controller, baseline, controllerParameters);
  }

  /** Number of simulated days in the period. */
  public long days() {
    return to.toEpochDay() - from.toEpochDay() + 1;
  }
}
