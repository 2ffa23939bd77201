package org.heatgrid.cli;

import java.time.LocalDate;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;

/** Loads a scenario and applies the command line's overrides of period and seed. */
final class ScenarioOptions {

  private ScenarioOptions() {}

  static Scenario apply(String scenario, LocalDate from, LocalDate to, Long seed) {
    Scenario s = ScenarioLoader.load(scenario);
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
