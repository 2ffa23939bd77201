package org.heatgrid.learn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.SyntheticSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading points.lp: what is kept, what is rejected with its line, what is left to other sites. */
class LineProtocolRecordsTest {

  /** The synthetic site's control step. */
  private static final java.time.Duration STEP15 = java.time.Duration.ofMinutes(15);

  @TempDir
  Path dir;

  private SiteRecord read(Path file) {
    return LineProtocolRecords.read(file, SyntheticSite.NAME, TimeUnit.MILLISECONDS);
  }

  @Test
  void aCleanRecordKeepsEveryReadingAsWrittenAndRejectsNothing() {
    SyntheticSite s = new SyntheticSite().days(2);

    SiteRecord r = read(s.write(dir));

    // The file also holds loop points with quoted strings: skipped, not rejected.
    assertThat(r.rejected()).isZero();
    assertThat(r.buildings()).containsExactly("B01", "B02", "B03");
    assertThat(r.readingCount()).isEqualTo(2 * 96 * 3);
    assertThat(r.otherSites()).isEmpty();
    assertThat(r.hasIrradiance()).isTrue();
    for (SyntheticSite.Sample x : s.samples()) {
      Telemetry t = r.readings(x.building()).get(x.end());
      assertThat(t.heatKw()).isEqualTo(x.number("heat_kw"));
      assertThat(t.secondaryFlowM3h()).isEqualTo(x.number("secondary_flow_m3h"));
      assertThat(t.zoneTempC(0)).isEqualTo(x.number("zone_1_c"));
      assertThat(t.outdoorC()).isEqualTo(x.number("outdoor_c"));
      assertThat(t.localFallback()).isFalse();
    }
    // B02 has three sensors, B01 two: every zone_N_c is read.
    assertThat(r.readings("B02").firstEntry().getValue().zones()).isEqualTo(3);
    assertThat(r.readings("B01").firstEntry().getValue().zones()).isEqualTo(2);
  }

  @Test
  void theIrradianceOfAPeriodIsTheLeadZeroForecastIssuedInIt() {
    // Leads 1 and 2 carry other values on purpose: taking them would change the irradiance.
    SyntheticSite s = new SyntheticSite().days(2);

    BuildingHistory h = read(s.write(dir)).history(SyntheticSite.site()).history(0);

    assertThat(h.size()).isEqualTo(2 * 96);
    for (int k = 0; k < h.size(); k++) {
      assertThat(h.ghiWm2()[k]).as("period %d", k).isEqualTo(s.ghi(k));
    }
  }

  @Test
  void aTruncatedLastLineIsRejectedWithItsLineNumberAndEverythingBeforeItIsKept()
      throws IOException {
    // The service was killed while writing B03's last reading: half of the line is on disk.
    SyntheticSite s = new SyntheticSite().days(2);
    int lastLine = s.lines().size();
    String last = s.lines().get(lastLine - 1);
    s.truncateLastLine(last.length() / 2);

    Path file = s.write(dir);
    SiteRecord r = read(file);

    assertThat(Files.readString(file)).doesNotEndWith("\n");
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().asString()
        .startsWith("points.lp line " + lastLine + ": ");
    assertThat(r.readingCount()).isEqualTo(2 * 96 * 3 - 1);
    Instant end = SyntheticSite.periodStart(2 * 96);
    assertThat(r.readings("B03")).doesNotContainKey(end).containsKey(end.minus(SyntheticSite.STEP));
    assertThat(r.readings("B01")).containsKey(end);
    assertThat(r.readings("B02")).containsKey(end);
  }

  @Test
  void aLastLineCutInsideItsTimestampIsRejectedToo() {
    SyntheticSite s = new SyntheticSite().days(2).truncateLastLine(5);

    SiteRecord r = read(s.write(dir));

    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.first(SyntheticSite.STEP)).isEqualTo(SyntheticSite.periodStart(0));
  }

  @Test
  void otherSitesLinesAreNotUsedButNamed() throws IOException {
    // Another site's telemetry (the same building ids, zones 5 K warmer) in the same file.
    SyntheticSite both = new SyntheticSite().days(2).alsoSite("north");
    Path withBoth = both.write(Files.createDirectory(dir.resolve("both")));
    Path alone = new SyntheticSite().days(2).write(Files.createDirectory(dir.resolve("alone")));

    SiteRecord r = read(withBoth);
    SiteRecord north = LineProtocolRecords.read(withBoth, "north", TimeUnit.MILLISECONDS);

    assertThat(r.otherSites()).containsExactly("north");
    assertThat(r.rejected()).isZero();
    assertThat(r.sha256(STEP15)).isEqualTo(read(alone).sha256(STEP15));
    assertThat(north.otherSites()).containsExactly(SyntheticSite.NAME);
    assertThat(north.readings("B01").firstEntry().getValue().zoneTempC(0))
        .isEqualTo(r.readings("B01").firstEntry().getValue().zoneTempC(0) + 5);
  }

  @Test
  void pointsWithoutTheTagsTheyNeedAreRejectedNamingLineAndReason() throws IOException {
    Path f = dir.resolve("points.lp");
    Files.write(f, List.of(
        "# comment", "",
        "telemetry,building=B01 heat_kw=1.0 1762096500000",
        "telemetry,site=synth heat_kw=1.0 1762096500000",
        "forecast ghi_wm2=3.0,lead=0i 1762096500000",
        "telemetry,building=B01,site=synth heat_kw=\"lots\" 1762096500000",
        "setpoint,building=B01,mode=mpc,site=synth reason=\"preheat, cold\",seq=1i 1762096500000",
        "telemetry,building=B01,site=synth heat_kw=1.0,zone_1_c=20.5 1762096500000"));

    SiteRecord r = read(f);

    assertThat(r.rejections()).containsExactly(
        "points.lp line 3: telemetry point without a site tag",
        "points.lp line 4: telemetry point without a building tag",
        "points.lp line 5: forecast point without a site tag",
        "points.lp line 6: field 'heat_kw' is not a number: 'lots'");
    assertThat(r.readingCount()).isEqualTo(1);
    assertThat(r.readings("B01").firstEntry().getValue().meanIndoorC()).isEqualTo(20.5);
  }

  @Test
  void timestampsAreReadInTheGivenPrecision() throws IOException {
    // An influx -export writes nanoseconds; points.lp milliseconds.
    Path f = dir.resolve("export.lp");
    Files.writeString(f, "telemetry,building=B01,site=synth heat_kw=1.0 1762096500000000000\n");

    SiteRecord r = LineProtocolRecords.read(f, SyntheticSite.NAME, TimeUnit.NANOSECONDS);

    assertThat(r.readings("B01").firstKey()).isEqualTo(Instant.ofEpochMilli(1762096500000L));
    assertThat(r.first(Duration.ofMinutes(15))).isEqualTo(Instant.ofEpochMilli(1762095600000L));
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    assertThatThrownBy(() -> read(dir.resolve("nothing.lp")))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("cannot read")
        .hasMessageContaining("nothing.lp");
    // A data folder without points.lp says what it expected.
    assertThatThrownBy(() -> new RecordSource.Records(dir).read(SyntheticSite.NAME))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("points.lp does not exist")
        .hasMessageContaining("heatgrid.data-dir");
  }

  @Test
  void theDataFolderAndTheFileItselfReadTheSame() {
    SyntheticSite s = new SyntheticSite().days(1);
    Path f = s.write(dir);

    assertThat(new RecordSource.Records(dir).read(SyntheticSite.NAME).sha256(STEP15))
        .isEqualTo(new RecordSource.Records(f).read(SyntheticSite.NAME).sha256(STEP15));
  }
}
