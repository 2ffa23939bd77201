package org.heatgrid.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SiteFileTest {

  private static final ComfortBand WARM = new ComfortBand(21, 25, 17, 28);

  /** A three-building site (FleetFileTest builds its fleets of it). */
  public static Site site() {
    OccupancySchedule office = new OccupancySchedule(DailyHours.parse("08:00-18:00"),
        DailyHours.CLOSED, DailyHours.CLOSED);
    OccupancySchedule dorm = new OccupancySchedule(DailyHours.ALL_DAY, DailyHours.ALL_DAY,
        DailyHours.ALL_DAY);
    return new Site("demo", ZoneId.of("Asia/Seoul"), Duration.ofMinutes(15),
        new Tariff("tou", 361.98, new UsageRate.TimeOfUse(132.42, 109.41, 7, 10,
            Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY))),
        HolidayCalendar.korea(), List.of(
            new BuildingInfo("B01", "Office", "office", 9000, 2, office, ComfortBand.DEFAULT, 810.5, 80),
            new BuildingInfo("B02", "Dorm", "dormitory", 6000, 3, dorm, WARM, 500, 75),
            new BuildingInfo("B03", "Lab", "laboratory", 7000, 2, office, ComfortBand.DEFAULT, 640, 80)));
  }

  @Test
  void writeThenRead_givesTheSameSite(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("site.json");
    Files.writeString(file, SiteFile.write(site()));
    assertThat(SiteFile.read(file.toString(), List.of())).isEqualTo(site());
  }

  @Test
  void write_putsTheMostCommonBandAtTheTopAndOnlyOthersOnBuildings() {
    String json = SiteFile.write(site());
    assertThat(json).containsOnlyOnce("\"comfort\" : {\n    \"occupied\" : [ 20.0, 24.0 ]")
        .containsOnlyOnce("\"occupied\" : [ 21.0, 25.0 ]");
  }

  @Test
  void read_namesTheFieldOfAMissingName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, SiteFile.write(site()).replace("\"name\" : \"demo\",", ""));
    assertThatThrownBy(() -> SiteFile.read(file.toString(), List.of()))
        .hasMessageContaining(file.toString()).hasMessageContaining("name: required text missing");
  }
}
