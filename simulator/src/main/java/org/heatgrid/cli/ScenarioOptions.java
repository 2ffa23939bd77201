package org.heatgrid.cli;

import java.time.LocalDate;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.sim.weather.EpwReader;

/** Loads a scenario and applies the command line's overrides of period and seed. */
final class ScenarioOptions {

  private ScenarioOptions() {}

  static Scenario apply(String scenario, LocalDate from, LocalDate to, Long seed) {
    return apply(scenario, from, to, seed, null);
  }

  /** @param weather a shipped weather file's name or a path; null keeps the scenario's */
  static Scenario apply(String scenario, LocalDate from, LocalDate to, Long seed, String weather) {
    Scenario s = ScenarioLoader.load(scenario);
    if (weather != null) {
      java.nio.file.Path p = java.nio.file.Path.of(weather);
      s = s.withWeather(p.getFileName().toString(), java.nio.file.Files.isRegularFile(p)
          ? EpwReader.read(p) : EpwReader.readResource(weather));
    }
    LocalDate f = from != null ? from : s.from();
    LocalDate t = to != null ? to : s.to();
    if (t.isBefore(f)) {
      throw new IllegalArgumentException("--to " + t + " is before --from " + f);
    }
    LocalDate warm = f.minusDays(s.warmupDays());
    if (warm.getYear() < s.holidays().firstYear() || t.getYear() > s.holidays().lastYear()) {
      throw new IllegalArgumentException("the period " + f + " to " + t + " (with "
          + s.warmupDays() + " warm-up days) is outside the holiday calendar's years "
          + s.holidays().firstYear() + "-" + s.holidays().lastYear());
    }
    s = s.withPeriod(f, t);
    return seed != null ? s.withSeed(seed) : s;
  }
}
