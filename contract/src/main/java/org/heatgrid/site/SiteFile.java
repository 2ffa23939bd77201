package org.heatgrid.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;

/**
 * A site description (JSON) as the control service reads it: what the operator knows of the
 * buildings, no thermal parameters. Format: {@code sites/campus16.json} of the control service.
 * Every read error names the field. A simulator scenario writes the site file of its virtual
 * campus with {@link #write}, so that the service's site and the scenario cannot drift apart.
 */
public final class SiteFile {

  private SiteFile() {}

  /**
   * Reads {@code location}: {@code classpath:sites/x.json} or a file path.
   *
   * @param only building ids to keep (empty: all)
   * @throws IllegalArgumentException naming the file, the field and the reason
   */
  public static Site read(String location, List<String> only) {
    JsonNode root;
    try (InputStream in = open(location)) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("site file " + location + ": " + e.getMessage(), e);
    }
    try {
      return parse(root, only, location);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("site file " + location + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String r = location.substring("classpath:".length());
      InputStream in = SiteFile.class.getClassLoader().getResourceAsStream(r);
      if (in == null) {
        throw new IOException("not on the class path: " + r);
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }

  static Site parse(JsonNode root, List<String> only, String where) {
    String name = text(root, "name");
    ZoneId zone = ZoneId.of(text(root, "timezone"));
    HolidayCalendar holidays = HolidayCalendar.resolve(root.path("holidays").asText("kr"),
        Path.of(where).toAbsolutePath().getParent() == null ? Path.of(".")
            : Path.of(where).toAbsolutePath().getParent());
    Duration step = Duration.ofMinutes(root.path("control_step_minutes").asLong(15));
    ComfortBand defaultComfort = comfort(root.path("comfort"), ComfortBand.DEFAULT, "comfort");
    List<BuildingInfo> buildings = new ArrayList<>();
    Set<String> wanted = Set.copyOf(only);
    Set<String> missing = new HashSet<>(only);
    JsonNode list = root.path("buildings");
    for (int i = 0; i < list.size(); i++) {
      JsonNode b = list.get(i);
      String at = "buildings[" + i + "]";
      String id = text(b, "id", at);
      // Keep the filter apart from the set of ids not found yet: once the last wanted id has been
      // seen, an emptied set must not turn the filter off for the buildings after it.
      missing.remove(id);
      if (!wanted.isEmpty() && !wanted.contains(id)) {
        continue;
      }
      JsonNode s = b.path("schedule");
      OccupancySchedule schedule = new OccupancySchedule(
          DailyHours.parse(s.path("weekday").asText("08:00-18:00")),
          DailyHours.parse(s.path("saturday").asText("closed")),
          DailyHours.parse(s.path("sunday_holiday").asText("closed")));
      buildings.add(new BuildingInfo(id, b.path("name").asText(id), b.path("type").asText("office"),
          b.path("floor_area_m2").asDouble(0), b.path("zones").asInt(1), schedule,
          comfort(b.path("comfort"), defaultComfort, at + ".comfort"),
          b.path("substation_capacity_kw").asDouble(0), b.path("supply_max_c").asDouble(80)));
    }
    if (!wanted.isEmpty() && !missing.isEmpty()) {
      throw new IllegalArgumentException("buildings " + new TreeSet<>(missing)
          + " asked for but not in the file");
    }
    return new Site(name, zone, step, tariff(root.path("tariff")), holidays, buildings);
  }

  private static ComfortBand comfort(JsonNode n, ComfortBand dflt, String at) {
    if (n.isMissingNode() || n.isNull()) {
      return dflt;
    }
    JsonNode o = n.path("occupied");
    JsonNode u = n.path("unoccupied");
    if (o.size() != 2 || u.size() != 2) {
      throw new IllegalArgumentException(at + ": occupied and unoccupied must be [low, high]");
    }
    return new ComfortBand(o.get(0).asDouble(), o.get(1).asDouble(), u.get(0).asDouble(),
        u.get(1).asDouble());
  }

  private static Tariff tariff(JsonNode t) {
    if (t.isMissingNode()) {
      return new Tariff("flat 100 KRW/Mcal", 0, new UsageRate.Flat(100));
    }
    JsonNode u = t.path("usage");
    UsageRate usage;
    if ("tou".equals(u.path("type").asText())) {
      Set<Month> months = new HashSet<>();
      u.path("peak_months").forEach(m -> months.add(Month.of(m.asInt())));
      usage = new UsageRate.TimeOfUse(u.path("peak_krw_per_mcal").asDouble(),
          u.path("off_peak_krw_per_mcal").asDouble(), u.path("peak_hours").get(0).asInt(),
          u.path("peak_hours").get(1).asInt(), months);
    } else {
      usage = new UsageRate.Flat(u.path("krw_per_mcal").asDouble());
    }
    return new Tariff(text(t, "name", "tariff"), t.path("basic_krw_per_mcalh_month").asDouble(),
        usage);
  }

  private static String text(JsonNode n, String field) {
    return text(n, field, "");
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException((at.isEmpty() ? "" : at + ".") + field
          + ": required text missing");
    }
    return v.asText();
  }

  /**
   * The site file of {@code site}: every field {@link #read} reads, so that reading it back gives
   * the same site. The file's top-level comfort band is the one most buildings have (the first
   * such in site order on a tie); a building's own band is written only where it differs.
   */
  public static String write(Site site) {
    Map<ComfortBand, Long> counts = site.buildings().stream()
        .collect(Collectors.groupingBy(BuildingInfo::comfort, LinkedHashMap::new, Collectors.counting()));
    ComfortBand comfort = counts.entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow().getKey();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("name", site.name());
    root.put("timezone", site.zone().getId());
    root.put("holidays", site.holidays().name());
    root.put("control_step_minutes", site.controlStep().toMinutes());
    ObjectNode tariff = root.putObject("tariff");
    tariff.put("name", site.tariff().name());
    tariff.put("basic_krw_per_mcalh_month", site.tariff().basicKrwPerMcalhMonth());
    ObjectNode usage = tariff.putObject("usage");
    if (site.tariff().usage() instanceof UsageRate.TimeOfUse t) {
      usage.put("type", "tou");
      usage.put("peak_krw_per_mcal", t.peakKrwPerMcal());
      usage.put("off_peak_krw_per_mcal", t.offPeakKrwPerMcal());
      usage.putArray("peak_hours").add(t.peakStartHour()).add(t.peakEndHour());
      ArrayNode months = usage.putArray("peak_months");
      t.peakMonths().stream().map(Month::getValue).sorted().forEach(months::add);
    } else if (site.tariff().usage() instanceof UsageRate.Flat f) {
      usage.put("type", "flat");
      usage.put("krw_per_mcal", f.krwPerMcal());
    }
    putComfort(root, comfort);
    ArrayNode list = root.putArray("buildings");
    for (BuildingInfo b : site.buildings()) {
      ObjectNode o = list.addObject();
      o.put("id", b.id());
      o.put("name", b.name());
      o.put("type", b.type());
      o.put("floor_area_m2", b.floorAreaM2());
      o.put("zones", b.zones());
      ObjectNode schedule = o.putObject("schedule");
      schedule.put("weekday", b.schedule().weekday().toString());
      schedule.put("saturday", b.schedule().saturday().toString());
      schedule.put("sunday_holiday", b.schedule().sundayHoliday().toString());
      if (!b.comfort().equals(comfort)) {
        putComfort(o, b.comfort());
      }
      o.put("substation_capacity_kw", b.substationCapacityKw());
      o.put("supply_max_c", b.supplyMaxC());
    }
    try {
      return json.writeValueAsString(root) + System.lineSeparator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putComfort(ObjectNode parent, ComfortBand c) {
    ObjectNode o = parent.putObject("comfort");
    o.putArray("occupied").add(c.occupiedLowC()).add(c.occupiedHighC());
    o.putArray("unoccupied").add(c.unoccupiedLowC()).add(c.unoccupiedHighC());
  }
}
