package org.heatgrid.forecast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterCsvTest {

  private static final double NAN = Double.NaN;

  @TempDir
  Path dir;

  private Path file(String name, String... lines) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  /** Columns in another order, an extra column, Z and +09:00 mixed, a gap, a zero, an empty ghi. */
  private static final String[] GOOD = {
      "building,timestamp,note,outdoor_c,heat_kw,ghi_wm2",
      "A,2021-01-01T00:00:00Z,x,1.5,10.0,0",
      "A,2021-01-01T10:00:00+09:00,x,2.0,11.0,", // 01:00Z, empty ghi
      "B,2021-01-01T09:00:00+09:00,y,1.0,0,5", // 00:00Z, heat zero (kept)
      "A,2021-01-01T02:00:00Z,x,2.5,12.0,10",
      // A 03:00Z absent: a gap
      "A,2021-01-01T13:00:00+09:00,x,3.0,14.0,20", // 04:00Z; the offset changes again
      "B,2021-01-01T01:00:00Z,y,1.1,5.5,6",
      "B,2021-01-01T02:00:00+00:00,y,1.2,6.5,7",
      "B,2021-01-01T12:00+09:00,y,1.3,7.5,8", // 03:00Z, no seconds
      "B,2021-01-01T04:00:00Z,y,1.4,8.5,9",
  };

  @Test
  void readsAGoodFileOntoTheGrid() throws IOException {
    MeterCsv.Result r = MeterCsv.read(file("good.csv", GOOD));
    MeterData d = r.data();
    assertThat(r.badRows()).isEmpty();
    assertThat(d.buildings()).containsExactly("A", "B");
    assertThat(d.step()).isEqualTo(Duration.ofHours(1));
    assertThat(d.start()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    assertThat(d.length()).isEqualTo(5);
    assertThat(d.heatKw()[0]).containsExactly(10.0, 11.0, 12.0, NAN, 14.0);
    assertThat(d.outdoorC()[0]).containsExactly(1.5, 2.0, 2.5, NAN, 3.0);
    assertThat(d.ghiWm2()[0]).containsExactly(0.0, NAN, 10.0, NAN, 20.0);
    assertThat(d.heatKw()[1]).containsExactly(0.0, 5.5, 6.5, 7.5, 8.5);
    assertThat(d.outdoorC()[1][3]).isEqualTo(1.3);
    assertThat(r.count("rows_read")).isEqualTo(9);
    assertThat(r.count("rows_used")).isEqualTo(9);
    assertThat(r.count("rows_rejected")).isZero();
    assertThat(r.count("gaps")).isEqualTo(1);
    assertThat(r.count("missing_heat")).isZero();
    assertThat(r.count("missing_ghi")).isEqualTo(1);
    assertThat(r.counts()).containsOnlyKeys(MeterCsv.COUNT_KEYS);
  }

  @Test
  void refusesAMissingColumnNamingIt() throws IOException {
    Path f = file("nocol.csv", "timestamp,building,heat_kw,ghi_wm2", "2021-01-01T00:00:00Z,A,1,0");
    assertThatThrownBy(() -> MeterCsv.read(f)).isInstanceOf(MeterCsvException.class)
        .hasMessageContaining("outdoor_c").hasMessageContaining("nocol.csv");
  }

  @Test
  void refusesAnEmptyFile() throws IOException {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> MeterCsv.read(empty)).isInstanceOf(MeterCsvException.class)
        .hasMessageContaining("empty.csv").hasMessageContaining("empty");
    Path headerOnly = file("header.csv", "timestamp,building,heat_kw,outdoor_c");
    assertThatThrownBy(() -> MeterCsv.read(headerOnly)).isInstanceOf(MeterCsvException.class)
        .hasMessageContaining("no data rows");
  }

  @Test
  void reportsAndCountsBadRowsKeepingTheGoodOnes() throws IOException {
    Path f = file("bad.csv",
        "timestamp,building,heat_kw,outdoor_c,ghi_wm2", // 1
        "2021-01-01T00:00:00Z,A,10,1,0", // 2 good
        "2021-01-01T01:00:00Z,A,11,1,0", // 3 good
        "2021-13-01T02:00:00Z,A,12,1,0", // 4 bad timestamp (month 13)
        "2021-01-01T02:00:00Z,A,NaN,1,0", // 5 NaN heat
        "2021-01-01T02:00:00Z,A,12,abc,0", // 6 text in a number
        "2021-01-01T01:00:00Z,A,11,1,0", // 7 duplicate of 3, equal
        "2021-01-01T01:00:00Z,A,99,1,0", // 8 duplicate of 3, conflicting
        "2021-01-01T03:00:00Z,A,-5,1,0", // 9 negative heat
        "2021-01-01T03:00:00Z,A,13,1,0", // 10 good
        "2021-01-01T03:30:00Z,A,13,1,0", // 11 off the hourly grid
        "2021-01-01T04:00:00Z,A,14,99,0", // 12 implausible temperature
        "2021-01-01T04:00:00Z,,14,1,0", // 13 empty building
        "2021-01-01T04:00:00Z,A,14,1", // 14 a field short
        "2021-01-01T04:00:00Z,A,,1,0", // 15 missing heat: used, NaN
        "2021-01-01T05:00:00Z,A,15,,zz", // 16 missing temperature; bad ghi blanked, row kept
        "2021-01-01T06:00:00Z,A,Infinity,1,0", // 17 infinite heat
        "2021-01-01T06:00:00,A,1,1,0", // 18 no UTC offset
        "2021-01-01T00:00:00Z,B,1,1,0", // 19.. B: good, hourly
        "2021-01-01T01:00:00Z,B,2,1,0",
        "2021-01-01T02:00:00Z,B,3,1,0",
        "2021-01-01T03:00:00Z,B,4,1,0",
        "2021-01-01T04:00:00Z,B,5,1,0",
        "2021-01-01T05:00:00Z,B,6,1,0");
    MeterCsv.Result r = MeterCsv.read(f);
    assertThat(r.badRows()).extracting(BadRow::line)
        .containsExactly(4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18);
    assertThat(r.badRows()).extracting(BadRow::kind).containsExactly(
        "bad_timestamp", "bad_heat_kw", "bad_outdoor_c", "duplicate_equal", "duplicate_conflicting",
        "negative_heat_kw", "off_grid", "implausible_outdoor_c", "empty_building", "bad_field_count",
        "bad_ghi_wm2", "bad_heat_kw", "bad_timestamp");
    assertThat(r.badRows()).extracting(BadRow::column).containsExactly(
        "timestamp", "heat_kw", "outdoor_c", "timestamp", "timestamp", "heat_kw", "timestamp",
        "outdoor_c", "building", "row", "ghi_wm2", "heat_kw", "timestamp");
    assertThat(r.badRows().get(1).reason()).contains("NaN");
    assertThat(r.badRows().get(2).reason()).contains("abc");
    assertThat(r.badRows().get(3).reason()).contains("line 3").contains("equal");
    assertThat(r.badRows().get(4).reason()).contains("line 3").contains("conflicting").contains("99");
    assertThat(r.badRows().get(12).reason()).contains("offset");

    assertThat(r.count("rows_read")).isEqualTo(23);
    assertThat(r.count("rows_used")).isEqualTo(11);
    assertThat(r.count("rows_rejected")).isEqualTo(12);
    assertThat(r.count("bad_timestamp")).isEqualTo(2);
    assertThat(r.count("bad_heat_kw")).isEqualTo(2);
    assertThat(r.count("bad_outdoor_c")).isEqualTo(1);
    assertThat(r.count("duplicate_equal")).isEqualTo(1);
    assertThat(r.count("duplicate_conflicting")).isEqualTo(1);
    assertThat(r.count("negative_heat_kw")).isEqualTo(1);
    assertThat(r.count("off_grid")).isEqualTo(1);
    assertThat(r.count("implausible_outdoor_c")).isEqualTo(1);
    assertThat(r.count("empty_building")).isEqualTo(1);
    assertThat(r.count("bad_field_count")).isEqualTo(1);
    assertThat(r.count("bad_ghi_wm2")).isEqualTo(1);
    assertThat(r.count("missing_heat")).isEqualTo(1);
    assertThat(r.count("missing_outdoor")).isEqualTo(1);
    assertThat(r.count("gaps")).isEqualTo(1);

    MeterData d = r.data();
    assertThat(d.step()).isEqualTo(Duration.ofHours(1));
    assertThat(d.length()).isEqualTo(6);
    assertThat(d.heatKw()[0]).containsExactly(10.0, 11.0, NAN, 13.0, NAN, 15.0);
    assertThat(d.outdoorC()[0][5]).isNaN();
    assertThat(d.ghiWm2()[0][5]).isNaN();
    assertThat(d.heatKw()[1]).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
  }

  @Test
  void refusesAFileWithoutAnyUsableRow() throws IOException {
    Path f = file("allbad.csv", "timestamp,building,heat_kw,outdoor_c", "yesterday,A,1,1");
    assertThatThrownBy(() -> MeterCsv.read(f)).isInstanceOf(MeterCsvException.class)
        .hasMessageContaining("allbad.csv").hasMessageContaining("line 2");
  }

  @Test
  void readsGzipAndInfersAQuarterHourStep() throws IOException {
    Path f = dir.resolve("sim.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(("timestamp,building,heat_kw,outdoor_c\n"
          + "2021-06-01T00:00:00Z,\"b,1\",1,20\n" // a quoted id with a comma
          + "2021-06-01T00:15:00Z,\"b,1\",2,20\n"
          + "2021-06-01T00:30:00Z,\"b,1\",3,20\n"
          + "2021-06-01T01:00:00Z,\"b,1\",5,20\n").getBytes(StandardCharsets.UTF_8));
    }
    MeterCsv.Result r = MeterCsv.read(f);
    assertThat(r.data().step()).isEqualTo(Duration.ofMinutes(15));
    assertThat(r.data().buildings()).containsExactly("b,1");
    assertThat(r.data().heatKw()[0]).containsExactly(1.0, 2.0, 3.0, NAN, 5.0);
    assertThat(r.data().ghiWm2()[0]).containsOnly(NAN);
    assertThat(r.count("gaps")).isEqualTo(1);
  }

  @Test
  void writeThenReadGivesTheSameData() {
    double[][] heat = {{0.0, 0.1 + 0.2, NAN, 1e-5, 12345.678}, {5, 6, 7, 8, 9}};
    double[][] temp = {{-12.5, 0.0, 3.3, NAN, 59.9}, {1, 2, 3, 4, 5}};
    double[][] ghi = {{NAN, 0.0, 850.25, 1.0, NAN}, {NAN, NAN, NAN, NAN, NAN}};
    MeterData d = new MeterData(Instant.parse("2022-03-27T00:00:00Z"), Duration.ofMinutes(15),
        List.of("west wing", "b\"2"), heat, temp, ghi);
    for (String name : List.of("round.csv", "round.csv.gz")) {
      Path f = dir.resolve(name);
      MeterCsv.write(d, f);
      MeterCsv.Result r = MeterCsv.read(f);
      assertThat(r.badRows()).isEmpty();
      MeterData back = r.data();
      assertThat(back.start()).isEqualTo(d.start());
      assertThat(back.step()).isEqualTo(d.step());
      assertThat(back.buildings()).isEqualTo(d.buildings());
      for (int b = 0; b < 2; b++) {
        assertThat(back.heatKw()[b]).isEqualTo(heat[b]);
        assertThat(back.outdoorC()[b]).isEqualTo(temp[b]);
        assertThat(back.ghiWm2()[b]).isEqualTo(ghi[b]);
      }
    }
  }

  @Test
  void writeRefusesValuesTheReaderWouldReject() {
    MeterData d = new MeterData(Instant.parse("2022-01-01T00:00:00Z"), Duration.ofHours(1),
        List.of("A"), new double[][] {{1, -0.5}}, new double[][] {{0, 0}}, new double[][] {{0, 0}});
    assertThatThrownBy(() -> MeterCsv.write(d, dir.resolve("neg.csv")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.5")
        .hasMessageContaining("2022-01-01T01:00:00Z");
  }
}
