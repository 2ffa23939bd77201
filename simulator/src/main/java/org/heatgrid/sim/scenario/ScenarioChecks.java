package org.heatgrid.sim.scenario;

import static org.heatgrid.sim.scenario.Check.parse;
import static org.heatgrid.sim.scenario.Check.range;
import static org.heatgrid.sim.scenario.Check.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.sim.plant.BuildingSpec;
import org.heatgrid.sim.plant.BuildingType;
import org.heatgrid.sim.weather.EpwReader;
import org.heatgrid.sim.weather.EpwYear;
import org.heatgrid.sim.weather.ForecastErrorLevel;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;

/** Turns a bound {@link ScenarioFile} into a {@link Scenario}, checking every value. */
final class ScenarioChecks {

  /** Controllers a scenario may name; later controllers add themselves here. */
  static final Set<String> CONTROLLERS = Set.of("baseline", "best-practice", "mpc", "oracle", "ideal",
      "ideal-margin", "ideal-cost", "ideal-cost-margin");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Path baseDir;

  ScenarioChecks(Path baseDir) {
    this.baseDir = baseDir;
  }

  Scenario check(ScenarioFile f, String source) {
    String name = required("name", f.name());
    long seed = required("seed", f.seed());
    ScenarioFile.Period p = required("period", f.period());
    LocalDate from = parse("period.from", p.from(), LocalDate::parse);
    LocalDate to = parse("period.to", p.to(), LocalDate::parse);
    if (to.isBefore(from)) {
      throw new KeyException("period.to", "must not be before period.from (" + from + "), got " + to);
    }
    if (to.toEpochDay() - from.toEpochDay() > 3660) {
      throw new KeyException("period.to", "a period may span at most 10 years");
    }
    int warmup = range("period.warmup_days", p.warmupDays(), 7, 0, 60);
    int stepMin = range("control_step_minutes", f.controlStepMinutes(), 15, 1, 60);
    if (60 % stepMin != 0) {
      throw new KeyException("control_step_minutes", "must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60), got " + stepMin);
    }
    ZoneId zone = parse("timezone", f.timezone() == null ? "Asia/Seoul" : f.timezone(), ZoneId::of);
    HolidayCalendar holidays = parse("holidays", f.holidays() == null ? "kr" : f.holidays(),
        h -> HolidayCalendar.resolve(h, baseDir));
    LocalDate warmStart = from.minusDays(warmup);
    if (warmStart.getYear() < holidays.firstYear() || to.getYear() > holidays.lastYear()) {
      throw new KeyException("period", "the holiday calendar " + holidays.name() + " covers "
          + holidays.firstYear() + "-" + holidays.lastYear() + "; the period with its warm-up runs "
          + warmStart + " to " + to);
    }
    ScenarioFile.Weather w = required("weather", f.weather());
    String weatherName = required("weather.file", w.file());
    EpwYear weather = weather(weatherName);
    ForecastErrorLevel level = parse("weather.forecast_error",
        w.forecastError() == null ? "none" : w.forecastError(), ForecastErrorLevel::parse);
    int horizon = range("weather.forecast_horizon_hours", w.forecastHorizonHours(), 48, 1, 168);
    Tariff tariff = tariff(required("tariff", f.tariff()));
    ComfortBand comfort = comfort("comfort", f.comfort(), ComfortBand.DEFAULT);
    List<BuildingSpec> buildings = buildings(required("buildings", f.buildings()), comfort);
    Set<String> ids = new HashSet<>();
    buildings.forEach(b -> ids.add(b.id()));
    String controller = f.controller() == null ? "baseline" : f.controller();
    if (!CONTROLLERS.contains(controller)) {
      throw new KeyException("controller", "unknown controller \"" + controller + "\"; known: "
          + String.join(", ", new java.util.TreeSet<>(CONTROLLERS)));
    }
    Map<String, Map<String, JsonNode>> params = f.controllers() == null ? Map.of() : f.controllers();
    for (String c : params.keySet()) {
      if (!CONTROLLERS.contains(c)) {
        throw new KeyException("controllers." + c, "unknown controller; known: "
            + String.join(", ", new java.util.TreeSet<>(CONTROLLERS)));
      }
    }
    BaselineSettings baseline = BaselineParameters.read("controllers.baseline", params.get("baseline"), ids);
    return new Scenario(name, f.description() == null ? "" : f.description(),
        f.notes() == null ? List.of() : f.notes(), source, seed, from, to, warmup,
        Duration.ofMinutes(stepMin), zone, holidays, weatherName, weather, level,
        Duration.ofHours(horizon), tariff, buildings, controller, baseline, params);
  }

  private EpwYear weather(String file) {
    Path path = baseDir.resolve(file);
    if (Files.isRegularFile(path)) {
      return parse("weather.file", file, x -> EpwReader.read(path));
    }
    if (EpwReader.class.getResource("/weather/" + file) != null) {
      return parse("weather.file", file, EpwReader::readResource);
    }
    throw new KeyException("weather.file", "no such file: " + path + " (nor a bundled weather file "
        + "of that name)");
  }

  private static Tariff tariff(ScenarioFile.Tariff t) {
    String name = required("tariff.name", t.name());
    double basic = range("tariff.basic_krw_per_mcalh_month", required("tariff.basic_krw_per_mcalh_month",
        t.basicKrwPerMcalhMonth()), 0, 0, 100_000);
    ScenarioFile.Usage u = required("tariff.usage", t.usage());
    String type = required("tariff.usage.type", u.type());
    UsageRate rate;
    if (type.equals("flat")) {
      rate = new UsageRate.Flat(range("tariff.usage.krw_per_mcal",
          required("tariff.usage.krw_per_mcal", u.krwPerMcal()), 0, 0.01, 10_000));
    } else if (type.equals("tou")) {
      double peak = range("tariff.usage.peak_krw_per_mcal",
          required("tariff.usage.peak_krw_per_mcal", u.peakKrwPerMcal()), 0, 0.01, 10_000);
      double off = range("tariff.usage.off_peak_krw_per_mcal",
          required("tariff.usage.off_peak_krw_per_mcal", u.offPeakKrwPerMcal()), 0, 0.01, 10_000);
      List<Integer> hours = required("tariff.usage.peak_hours", u.peakHours());
      if (hours.size() != 2 || hours.get(0) < 0 || hours.get(1) > 24 || hours.get(0) >= hours.get(1)) {
        throw new KeyException("tariff.usage.peak_hours", "must be [start, end] with 0 <= start < end <= 24, got " + hours);
      }
      Set<Month> months = EnumSet.noneOf(Month.class);
      List<Integer> ms = required("tariff.usage.peak_months", u.peakMonths());
      for (int i = 0; i < ms.size(); i++) {
        int m = range("tariff.usage.peak_months[" + i + "]", ms.get(i), 0, 1, 12);
        months.add(Month.of(m));
      }
      rate = new UsageRate.TimeOfUse(peak, off, hours.get(0), hours.get(1), months);
    } else {
      throw new KeyException("tariff.usage.type", "must be flat or tou, got \"" + type + "\"");
    }
    return new Tariff(name, basic, rate);
  }

  private static ComfortBand comfort(String key, ScenarioFile.Comfort c, ComfortBand def) {
    if (c == null) {
      return def;
    }
    double[] occ = pair(key + ".occupied", c.occupied(), def.occupiedLowC(), def.occupiedHighC());
    double[] un = pair(key + ".unoccupied", c.unoccupied(), def.unoccupiedLowC(), def.unoccupiedHighC());
    if (un[0] > occ[0] || un[1] < occ[1]) {
      throw new KeyException(key + ".unoccupied", "must contain the occupied band");
    }
    return new ComfortBand(occ[0], occ[1], un[0], un[1]);
  }

  private static double[] pair(String key, List<Double> v, double lo, double hi) {
    if (v == null) {
      return new double[] {lo, hi};
    }
    if (v.size() != 2 || v.get(0) == null || v.get(1) == null || !(v.get(0) < v.get(1))) {
      throw new KeyException(key, "must be [low, high] with low < high, got " + v);
    }
    range(key + "[0]", v.get(0), 0, 5, 35);
    range(key + "[1]", v.get(1), 0, 5, 40);
    return new double[] {v.get(0), v.get(1)};
  }

  private static List<BuildingSpec> buildings(List<ScenarioFile.Building> list, ComfortBand comfort) {
    if (list.isEmpty() || list.size() > 500) {
      throw new KeyException("buildings", "must list 1 to 500 buildings, got " + list.size());
    }
    List<BuildingSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String k = "buildings[" + i + "]";
      ScenarioFile.Building b = list.get(i);
      String id = required(k + ".id", b.id());
      if (!ID.matcher(id).matches()) {
        throw new KeyException(k + ".id", "must be 1-32 letters, digits, _ or -, got \"" + id + "\"");
      }
      if (!ids.add(id)) {
        throw new KeyException(k + ".id", "duplicate building id \"" + id + "\"");
      }
      BuildingType type = parse(k + ".type", b.type(), BuildingType::parse);
      double area = range(k + ".floor_area_m2", required(k + ".floor_area_m2", b.floorAreaM2()), 0, 50, 500_000);
      int floors = range(k + ".floors", required(k + ".floors", b.floors()), 0, 1, 100);
      int built = range(k + ".built", required(k + ".built", b.built()), 0, 1900, 2100);
      double oversize = range(k + ".radiator_oversize", b.radiatorOversize(), 1.2, 0.8, 2.5);
      double substation = b.substationKw() == null ? Double.NaN
          : range(k + ".substation_kw", b.substationKw(), 0, 1, 100_000);
      double supplyMax = range(k + ".supply_max_c", b.supplyMaxC(), 80, 40, 110);
      OccupancySchedule schedule = schedule(k + ".schedule", b.schedule(), type.schedule);
      ComfortBand band = comfort(k + ".comfort", b.comfort(), comfort);
      out.add(new BuildingSpec(id, b.name() == null ? id : b.name(), type, area, floors, built,
          schedule, band, oversize, substation, supplyMax));
    }
    return out;
  }

  private static OccupancySchedule schedule(String key, ScenarioFile.Schedule s, OccupancySchedule def) {
    if (s == null) {
      return def;
    }
    return new OccupancySchedule(
        s.weekday() == null ? def.weekday() : parse(key + ".weekday", s.weekday(), DailyHours::parse),
        s.saturday() == null ? def.saturday() : parse(key + ".saturday", s.saturday(), DailyHours::parse),
        s.sundayHoliday() == null ? def.sundayHoliday()
            : parse(key + ".sunday_holiday", s.sundayHoliday(), DailyHours::parse));
  }
}
