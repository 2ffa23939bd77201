package org.heatgrid.learn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.SyntheticSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A meter export as CSV: a bad header is refused, a bad row rejected by line, a good file reads
 * as the same telemetry as the service's own record. */
class CsvRecordsTest {

  /** The synthetic site's control step. */
  private static final java.time.Duration STEP15 = java.time.Duration.ofMinutes(15);

  private static final String HEADER = "time,building,heat_kw,secondary_supply_c,"
      + "secondary_return_c,secondary_flow_m3h,outdoor_c,zone_1_c,zone_2_c";

  @TempDir
  Path dir;

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("meters.csv"), text);
  }

  @Test
  void aHeaderWithoutARequiredColumnIsRefusedNamingIt() throws IOException {
    Path f = csv(HEADER.replace(",secondary_flow_m3h", "") + "\n"
        + "2025-11-03T00:15+09:00,B01,100,50,40,-2,20.5,20.7\n");

    assertThatThrownBy(() -> CsvRecords.read(f))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("meters.csv line 1")
        .hasMessageContaining("lacks column 'secondary_flow_m3h'");
  }

  @Test
  void aHeaderWithoutAnyIndoorTemperatureIsRefused() throws IOException {
    Path f = csv(HEADER.replace(",zone_1_c,zone_2_c", "") + "\n");

    assertThatThrownBy(() -> CsvRecords.read(f))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("no indoor temperature");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path f = csv("");

    assertThatThrownBy(() -> CsvRecords.read(f))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("empty file");
  }

  @Test
  void badRowsAreRejectedWithTheirLineNumberAndReadingGoesOn() throws IOException {
    Path f = csv(HEADER + "\n"
        + "2025-11-03T00:15+09:00,B01,100,50,40,10,-2,20.5,20.7\n"
        + "2025-11-03T00:30+09:00,B01,lots,50,40,10,-2,20.5,20.7\n"
        + "\n"
        + "2025-11-03T00:45+09:00,B01,100,50,40,10,-2,20.5\n"
        + "yesterday,B01,100,50,40,10,-2,20.5,20.7\n"
        + "2025-11-03T01:00+09:00,,100,50,40,10,-2,20.5,20.7\n"
        + "2025-11-03T01:15+09:00,B01,100,50,40,10,-2,20.5,20.7\n");

    SiteRecord r = CsvRecords.read(f);

    assertThat(r.readingCount()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(4);
    assertThat(r.rejections()).hasSize(4);
    assertThat(r.rejections().get(0))
        .isEqualTo("meters.csv line 3: column heat_kw: 'lots' is not a number");
    assertThat(r.rejections().get(1)).isEqualTo("meters.csv line 5: 8 cells, the header has 9");
    assertThat(r.rejections().get(2)).startsWith("meters.csv line 6: ").contains("yesterday");
    assertThat(r.rejections().get(3)).isEqualTo("meters.csv line 7: no building");
  }

  @Test
  void emptyCellsAreMissingReadingsAndIndoorStandsForTheZones() throws IOException {
    Path f = csv("time,building,heat_kw,secondary_supply_c,secondary_return_c,"
        + "secondary_flow_m3h,outdoor_c,indoor_c\n"
        + "2025-11-03T00:15+09:00,B01,100,50,40,,-2,20.5\n");

    Telemetry t = CsvRecords.read(f).readings("B01").firstEntry().getValue();

    assertThat(t.zones()).isEqualTo(1);
    assertThat(t.meanIndoorC()).isEqualTo(20.5);
    assertThat(t.secondaryFlowM3h()).isNaN();
    assertThat(t.spaceHeatKw()).isNaN();
    assertThat(t.heatKw()).isEqualTo(100);
  }

  @Test
  void theSameTelemetryAsCsvAndAsPointsLpHasTheSameHash() throws IOException {
    // Without irradiance both hold exactly the telemetry (primary readings are not hashed).
    SyntheticSite s = new SyntheticSite().days(2);
    Path lp = writeLines(dir.resolve("points.lp"), s.lines().stream()
        .filter(l -> !l.startsWith("forecast")).toList());
    Path f = csv(s.csv(false));

    SiteRecord fromCsv = new RecordSource.Csv(f).read(SyntheticSite.NAME);
    SiteRecord fromLp = LineProtocolRecords.read(lp, SyntheticSite.NAME, TimeUnit.MILLISECONDS);

    assertThat(fromCsv.rejected()).isZero();
    assertThat(fromCsv.readingCount()).isEqualTo(fromLp.readingCount()).isEqualTo(2 * 96 * 3);
    assertThat(fromCsv.sha256(STEP15)).isEqualTo(fromLp.sha256(STEP15));
  }

  @Test
  void csvWithIrradianceGivesTheSameHistoryAsPointsLp() throws IOException {
    // The CSV has ghi by period end, points.lp by the forecast's issue: both are the period's.
    SyntheticSite s = new SyntheticSite().days(2);
    SiteHistory fromCsv = CsvRecords.read(csv(s.csv(true))).history(SyntheticSite.site());
    SiteHistory fromLp = LineProtocolRecords.read(s.write(dir), SyntheticSite.NAME,
        TimeUnit.MILLISECONDS).history(SyntheticSite.site());

    assertThat(fromCsv.size()).isEqualTo(fromLp.size()).isEqualTo(2 * 96);
    for (int b = 0; b < 3; b++) {
      BuildingHistory c = fromCsv.history(b);
      BuildingHistory l = fromLp.history(b);
      assertThat(c.stepStart()).containsExactly(l.stepStart());
      assertThat(c.heatKw()).containsExactly(l.heatKw());
      assertThat(c.indoorC()).containsExactly(l.indoorC());
      assertThat(c.outdoorC()).containsExactly(l.outdoorC());
      assertThat(c.supplyC()).containsExactly(l.supplyC());
      assertThat(c.ghiWm2()).containsExactly(l.ghiWm2());
    }
  }

  @Test
  void theSameRecordWithIrradianceHasTheSameHashFromCsvAndPointsLp() throws IOException {
    SyntheticSite s = new SyntheticSite().days(2);
    SiteRecord fromCsv = CsvRecords.read(csv(s.csv(true)));
    SiteRecord fromLp = LineProtocolRecords.read(s.write(dir), SyntheticSite.NAME,
        TimeUnit.MILLISECONDS);

    assertThat(fromCsv.sha256(STEP15)).isEqualTo(fromLp.sha256(STEP15));
  }

  @Test
  void aMissingCsvIsRefused() {
    assertThatThrownBy(() -> new RecordSource.Csv(dir.resolve("none.csv")).read("x"))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("none.csv does not exist");
  }

  private static Path writeLines(Path f, List<String> lines) throws IOException {
    return Files.write(f, new ArrayList<>(lines));
  }
}
