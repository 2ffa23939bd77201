package org.heatgrid.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.EmitterCurve;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;

/**
 * A small site whose buildings are simulated with known first-order {@link ThermalModel}s, written
 * as the control service records it (points.lp: {@code telemetry} at each period's end,
 * {@code forecast} issued a little after each period's start), so that learning can be checked
 * against the truth. Three buildings at a 15-minute step in Asia/Seoul, November 2025 (no Korean
 * holiday), cold outdoor temperature varying around 0 C, sun by day, occupancy schedules, and heat
 * from a heating curve with setback, hourly random excitation (without it UA and C cannot be told
 * apart) and valve throttling. B02 also draws hot water, which only the primary meter
 * ({@code heat_kw}) sees. The secondary readings satisfy {@link Telemetry#spaceHeatKw()} = the
 * simulated heat.
 *
 * <p>Options (fluent, mutable): days, indoor noise, dropped periods (a gap), a truncated last line,
 * an omitted field, another site tag, a second site in the same file, an unknown extra building.
 */
public final class SyntheticSite {

  public static final String NAME = "synth";
  public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
  public static final Duration STEP = Duration.ofMinutes(15);
  public static final int PER_DAY = 96;
  /** A Monday; November 2025 has no Korean public holiday. */
  public static final LocalDate START = LocalDate.of(2025, 11, 3);
  public static final List<String> IDS = List.of("B01", "B02", "B03");

  /** The models the buildings are simulated with (plain first order: state = air). */
  public static final Map<String, ThermalModel> TRUTH = Map.of(
      "B01", new ThermalModel(0.25, 8, 400, 0.04, 30, 5), // office, tau 50 h
      "B02", new ThermalModel(0.25, 5, 150, 0.02, 12, 4), // dormitory, tau 30 h
      "B03", new ThermalModel(0.25, 12, 900, 0.06, 40, 10)); // laboratory, tau 75 h
  /** Indoor sensors per building; zones sit symmetrically this far around the mean. */
  static final Map<String, Integer> ZONES = Map.of("B01", 2, "B02", 3, "B03", 2);
  public static final double ZONE_SPREAD_K = 0.3;

  private int days = 15;
  private double noiseK;
  private long seed = 1;
  private String siteTag = NAME;
  private String otherSite;
  private String extraBuilding;
  private int truncateChars = -1;
  private int dropFrom = -1;
  private int dropTo = -1;
  private final Map<String, Set<String>> omitted = new HashMap<>();
  private List<Sample> samples;
  private List<String> lines;

  /** One building's reading of period {@code k} (ending at {@code end}). */
  public record Sample(String building, int k, Instant end, Map<String, Object> fields) {
    public double number(String field) {
      Object v = fields.get(field);
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
  }

  /** One period's forecast issue: lead 0 is the truth, later leads are deliberately off. */
  private record Issue(int k, Instant at, double[] ghi, double[] outdoor) {}

  /** One forecast point as the service records it: issued at {@code issuedAt}, for lead steps on. */
  public record Forecast(Instant issuedAt, int lead, double ghiWm2, double outdoorC) {
    public Instant at() {
      return issuedAt.plus(STEP.multipliedBy(lead));
    }
  }

  private final List<Issue> issues = new ArrayList<>();

  public SyntheticSite days(int d) {
    days = d;
    return changed();
  }

  /** Gaussian noise on every zone reading, K. */
  public SyntheticSite noise(double k) {
    noiseK = k;
    return changed();
  }

  public SyntheticSite seed(long s) {
    seed = s;
    return changed();
  }

  /** Every point's site tag (the record of another site when not {@link #NAME}). */
  public SyntheticSite siteTag(String tag) {
    siteTag = tag;
    return changed();
  }

  /** Also writes every telemetry line under site {@code name}, with other values. */
  public SyntheticSite alsoSite(String name) {
    otherSite = name;
    return changed();
  }

  /** Also writes telemetry of a building the site does not list. */
  public SyntheticSite extraBuilding(String id) {
    extraBuilding = id;
    return changed();
  }

  /** Drops periods {@code from} (inclusive) to {@code to} (exclusive): the service was down. */
  public SyntheticSite dropPeriods(int from, int to) {
    dropFrom = from;
    dropTo = to;
    return changed();
  }

  /** Drops whole local days, {@code count} of them from day index {@code firstDay} (0-based). */
  public SyntheticSite dropDays(int firstDay, int count) {
    return dropPeriods(firstDay * PER_DAY, (firstDay + count) * PER_DAY);
  }

  /** Omits {@code field} from every telemetry point of {@code building}. */
  public SyntheticSite omit(String building, String field) {
    omitted.computeIfAbsent(building, b -> new HashSet<>()).add(field);
    return changed();
  }

  /** Cuts the last {@code chars} characters (and the newline) off the file's last line. */
  public SyntheticSite truncateLastLine(int chars) {
    truncateChars = chars;
    return changed();
  }

  private SyntheticSite changed() {
    samples = null;
    lines = null;
    issues.clear();
    return this;
  }

  /** The site the record is of: {@link #NAME} with B01..B03. */
  public static Site site() {
    return site(NAME, IDS);
  }

  public static Site site(String name, List<String> ids) {
    List<BuildingInfo> b = new ArrayList<>();
    for (String id : ids) {
      b.add(new BuildingInfo(id, id, "office", 4000, ZONES.getOrDefault(id, 2), schedule(id),
          ComfortBand.DEFAULT, 500, 80));
    }
    return new Site(name, ZONE, STEP, new Tariff("flat", 0, new UsageRate.Flat(100)),
        HolidayCalendar.korea(), b);
  }

  static OccupancySchedule schedule(String id) {
    return switch (id) {
      case "B02" -> new OccupancySchedule(DailyHours.parse("07:00-23:00"),
          DailyHours.parse("07:00-23:00"), DailyHours.parse("07:00-23:00"));
      case "B03" -> new OccupancySchedule(DailyHours.parse("07:00-19:00"),
          DailyHours.parse("09:00-13:00"), DailyHours.CLOSED);
      default -> new OccupancySchedule(DailyHours.parse("08:00-18:00"), DailyHours.CLOSED,
          DailyHours.CLOSED);
    };
  }

  /** Start of period {@code k}. */
  public static Instant periodStart(int k) {
    return START.atStartOfDay(ZONE).toInstant().plus(STEP.multipliedBy(k));
  }

  /** B02's hot water by local time, kW (a timetable, not weather): what its profile must learn. */
  public static double hotWaterKw(String id, LocalDateTime t) {
    if (!id.equals("B02")) {
      return 0;
    }
    int h = t.getHour();
    boolean weekend = t.getDayOfWeek().getValue() >= 6;
    if (weekend) {
      return h >= 8 && h < 11 ? 35 : h >= 19 && h < 23 ? 25 : 6;
    }
    return h >= 6 && h < 9 ? 40 : h >= 18 && h < 23 ? 30 : 6;
  }

  /** Every accepted-to-be reading, in period order (dropped periods and omissions applied). */
  public List<Sample> samples() {
    if (samples == null) {
      simulate();
    }
    return samples;
  }

  /** The points.lp lines, as the service writes them in time order. */
  public List<String> lines() {
    if (lines == null) {
      lines = render();
    }
    return lines;
  }

  /** Writes {@code points.lp} into {@code dir}; returns the file. */
  public Path write(Path dir) {
    Path f = dir.resolve("points.lp");
    List<String> l = lines();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < l.size(); i++) {
      String line = l.get(i);
      if (i == l.size() - 1 && truncateChars >= 0) {
        sb.append(line, 0, line.length() - truncateChars); // killed mid-write: no newline
      } else {
        sb.append(line).append('\n');
      }
    }
    try {
      Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }

  /** The same telemetry as a meter-export CSV (CsvRecords' format), with or without ghi. */
  public String csv(boolean withGhi) {
    samples();
    Map<Integer, Double> ghiOfPeriod = new HashMap<>();
    for (Issue i : issues) {
      ghiOfPeriod.put(i.k(), i.ghi()[0]);
    }
    StringBuilder sb = new StringBuilder("time,building,heat_kw,secondary_supply_c,"
        + "secondary_return_c,secondary_flow_m3h,outdoor_c,zone_1_c,zone_2_c,zone_3_c"
        + (withGhi ? ",ghi_wm2" : "") + "\n");
    for (Sample s : samples) {
      sb.append(s.end().atZone(ZONE).toOffsetDateTime()).append(',').append(s.building());
      for (String f : List.of("heat_kw", "secondary_supply_c", "secondary_return_c",
          "secondary_flow_m3h", "outdoor_c", "zone_1_c", "zone_2_c", "zone_3_c")) {
        sb.append(',').append(s.fields().containsKey(f) ? plain(s.number(f)) : "");
      }
      if (withGhi) {
        sb.append(',').append(plain(ghiOfPeriod.get(s.k())));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Every forecast point (every lead of every issue), in issue order. */
  public List<Forecast> forecasts() {
    samples();
    List<Forecast> out = new ArrayList<>();
    for (Issue i : issues) {
      for (int lead = 0; lead < i.ghi().length; lead++) {
        out.add(new Forecast(i.at(), lead, i.ghi()[lead], i.outdoor()[lead]));
      }
    }
    return out;
  }

  /** The true irradiance of period {@code k} (the lead-0 forecast), W/m2. */
  public double ghi(int k) {
    samples();
    return issues.stream().filter(i -> i.k() == k).findFirst().orElseThrow().ghi()[0];
  }

  private void simulate() {
    int n = days * PER_DAY;
    Random weather = new Random(seed);
    double[] outdoor = new double[n + 3];
    double[] ghi = new double[n + 3];
    double cloud = 1;
    double drift = 0;
    for (int k = 0; k < n + 3; k++) {
      LocalDateTime t = LocalDateTime.ofInstant(periodStart(k), ZONE);
      double hour = t.getHour() + t.getMinute() / 60.0;
      if (k % PER_DAY == 0) {
        cloud = 0.2 + 0.8 * weather.nextDouble();
      }
      drift = 0.98 * drift + 0.2 * weather.nextGaussian();
      outdoor[k] = -1 + 4 * Math.sin(2 * Math.PI * (hour - 9) / 24)
          + 4 * Math.sin(2 * Math.PI * k / (9.0 * PER_DAY)) + drift;
      ghi[k] = hour > 7 && hour < 17 ? 400 * cloud * Math.sin(Math.PI * (hour - 7) / 10) : 0;
    }
    for (int k = 0; k < n; k++) {
      // Issued 5..170 s after the period starts, as the loop does when it decides.
      Instant at = periodStart(k).plusSeconds(5 + (k * 37L) % 166).plusMillis(k % 1000);
      issues.add(new Issue(k, at, new double[] {ghi[k], ghi[k + 1] * 0.5 + 50, ghi[k + 2] * 0.3 + 80},
          new double[] {outdoor[k], outdoor[k + 1] + 2, outdoor[k + 2] + 3}));
    }
    Site site = site();
    List<String> ids = new ArrayList<>(IDS);
    if (extraBuilding != null) {
      ids.add(extraBuilding);
    }
    List<List<Sample>> perBuilding = new ArrayList<>();
    for (int b = 0; b < ids.size(); b++) {
      String id = ids.get(b);
      String model = TRUTH.containsKey(id) ? id : "B01";
      perBuilding.add(building(id, model, site, outdoor, ghi, n, new Random(seed * 31 + b + 1)));
    }
    samples = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      for (List<Sample> s : perBuilding) {
        samples.add(s.get(k));
      }
    }
    samples.removeIf(s -> s.k() >= dropFrom && s.k() < dropTo);
    issues.removeIf(i -> i.k() >= dropFrom && i.k() < dropTo);
  }

  private List<Sample> building(String id, String modelOf, Site site, double[] outdoor,
      double[] ghi, int n, Random random) {
    ThermalModel m = TRUTH.get(modelOf);
    OccupancySchedule sched = schedule(modelOf);
    int zones = ZONES.getOrDefault(modelOf, 2);
    EmitterCurve emitter = new EmitterCurve(0.3 * m.uaKwPerK(), 1.3, 0, 0);
    double capacityKw = 40 * m.uaKwPerK();
    List<Sample> out = new ArrayList<>();
    double t = 19;
    double excitation = 1;
    for (int k = 0; k < n; k++) {
      LocalDateTime start = LocalDateTime.ofInstant(periodStart(k), ZONE);
      boolean occupied = sched.isOccupied(start, site.holidays());
      boolean preheat = occupied || sched.isOccupied(start.plusHours(2), site.holidays());
      double target = preheat ? 21 : 17;
      if (k % 4 == 0) {
        excitation = 1 + 0.3 * (2 * random.nextDouble() - 1);
      }
      double curve = 0.9 * m.uaKwPerK() * (target - outdoor[k]) * excitation;
      double valve = 2 * m.uaKwPerK() * Math.max(0, t - target);
      double heat = Math.max(0, Math.min(capacityKw, curve - valve));
      double supply = emitter.supplyForHeat(heat, t);
      double dT = heat > 0 ? 0.25 * (supply - t) : 0;
      double ret = supply - dT;
      double flow = heat > 0 ? heat / (Telemetry.KW_PER_M3H_K * dT) : 0;
      double space = flow * Math.max(0, supply - ret) * Telemetry.KW_PER_M3H_K;
      double meter = space + hotWaterKw(modelOf, start);
      t = m.next(t, heat, outdoor[k], ghi[k], occupied);
      Map<String, Object> f = new TreeMap<>();
      f.put("heat_kw", meter);
      f.put("primary_supply_c", 75.0);
      f.put("primary_return_c", ret + 3);
      f.put("primary_flow_m3h", meter / (Telemetry.KW_PER_M3H_K * (72 - ret)));
      f.put("secondary_supply_c", supply);
      f.put("secondary_return_c", ret);
      f.put("secondary_flow_m3h", flow);
      f.put("outdoor_c", outdoor[k]);
      double sum = 0;
      for (int z = 0; z < zones; z++) {
        // Symmetric zones: their mean is the simulated air, the coldest ZONE_SPREAD_K below it.
        double offset = zones == 1 ? 0 : ZONE_SPREAD_K * (2.0 * z / (zones - 1) - 1);
        double reading = t + offset + noiseK * random.nextGaussian();
        f.put("zone_" + (z + 1) + "_c", reading);
        sum += reading;
      }
      f.put("indoor_mean_c", sum / zones);
      f.put("local_fallback", false);
      f.put("seq", (long) k);
      f.keySet().removeAll(omitted.getOrDefault(id, Set.of()));
      out.add(new Sample(id, k, periodStart(k + 1), f));
    }
    return out;
  }

  private List<String> render() {
    samples();
    List<String> out = new ArrayList<>();
    out.add("# heatgrid points.lp (synthetic)");
    int next = 0;
    for (Issue i : issues) {
      // Telemetry of the periods that ended before this issue, then the issue.
      while (next < samples.size() && !samples.get(next).end().isAfter(i.at())) {
        telemetry(out, samples.get(next++));
      }
      for (int lead = 0; lead < i.ghi().length; lead++) {
        Forecast f = new Forecast(i.at(), lead, i.ghi()[lead], i.outdoor()[lead]);
        out.add("forecast,site=" + siteTag + " ghi_wm2=" + plain(f.ghiWm2()) + ",issued_at_ms="
            + f.issuedAt().toEpochMilli() + "i,lead=" + lead + "i,outdoor_c="
            + plain(f.outdoorC()) + " " + f.at().toEpochMilli());
      }
      // The loop's other measurements, which learning skips (strings with spaces and escapes).
      out.add("loop,controller=mpc,site=" + siteTag + " decide_s=0.2,failure=\"none, \\\"ok\\\"\","
          + "published=3i " + i.at().toEpochMilli());
    }
    while (next < samples.size()) {
      telemetry(out, samples.get(next++));
    }
    return out;
  }

  private void telemetry(List<String> out, Sample s) {
    out.add(line(s, siteTag, 0));
    if (otherSite != null) {
      out.add(line(s, otherSite, 5));
    }
  }

  private static String line(Sample s, String site, double shift) {
    StringBuilder sb = new StringBuilder("telemetry,building=").append(s.building())
        .append(",site=").append(site).append(' ');
    boolean first = true;
    for (var e : s.fields().entrySet()) {
      sb.append(first ? "" : ",").append(e.getKey()).append('=');
      first = false;
      Object v = e.getValue();
      if (v instanceof Long l) {
        sb.append(l).append('i');
      } else if (v instanceof Boolean b) {
        sb.append(b);
      } else {
        double d = (Double) v;
        sb.append(plain(e.getKey().startsWith("zone_") ? d + shift : d));
      }
    }
    return sb.append(' ').append(s.end().toEpochMilli()).toString();
  }

  /** Exact decimal of a double without exponent (line protocol and CSV both read it back exactly). */
  static String plain(double d) {
    return BigDecimal.valueOf(d).toPlainString();
  }
}
