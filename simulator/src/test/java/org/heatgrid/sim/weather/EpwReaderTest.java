package org.heatgrid.sim.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpwReaderTest {

  private static EpwYear daejeon;

  @TempDir Path dir;

  @BeforeAll
  static void readShippedFile() {
    daejeon = EpwReader.readResource(EpwReader.DAEJEON);
  }

  @Test
  void readsTheShippedDaejeonFile() {
    assertThat(daejeon.stationName()).isEqualTo("Daejeon.WS");
    assertThat(daejeon.latitude()).isCloseTo(36.372, within(0.001));
    assertThat(daejeon.longitude()).isCloseTo(127.372, within(0.001));
    assertThat(daejeon.timeZoneHours()).isEqualTo(9.0);
    double[] t = daejeon.hourlyOutdoorC();
    assertThat(t).hasSize(8760);
    assertThat(daejeon.hourlyGhiWm2()).hasSize(8760);

    double januarySum = 0;
    for (int h = 0; h < 31 * 24; h++) {
      januarySum += t[h];
    }
    assertThat(januarySum / (31 * 24)).isCloseTo(-2.6, within(0.3));
    double min = Double.POSITIVE_INFINITY;
    for (double v : t) {
      min = Math.min(min, v);
    }
    assertThat(min).isCloseTo(-15.7, within(0.2));
    double hdd = 0;
    for (int d = 0; d < 365; d++) {
      double dayMean = 0;
      for (int h = 0; h < 24; h++) {
        dayMean += t[d * 24 + h] / 24;
      }
      hdd += Math.max(0, 18 - dayMean);
    }
    assertThat(hdd).isCloseTo(2526, within(2526 * 0.03));
  }

  @Test
  void readsTheShippedSeoulFile() {
    assertThat(EpwReader.readResource(EpwReader.SEOUL).stationName()).isEqualTo("Seoul.WS");
  }

  @Test
  void interpolatesTemperatureBetweenHoursAndWrapsAtYearEnd() {
    double[] t = daejeon.hourlyOutdoorC();
    // Jan 10 05:00 is the row "Jan 10 hour 5", index 9 * 24 + 4.
    LocalDateTime five = LocalDateTime.of(2023, 1, 10, 5, 0);
    assertThat(daejeon.outdoorC(five)).isEqualTo(t[9 * 24 + 4]);
    double mean = (daejeon.outdoorC(five) + daejeon.outdoorC(five.plusHours(1))) / 2;
    assertThat(daejeon.outdoorC(five.plusMinutes(30))).isCloseTo(mean, within(1e-12));
    // Jan 1 00:30 lies between Dec 31 24:00 (the last row) and Jan 1 01:00 (the first row).
    assertThat(daejeon.outdoorC(LocalDateTime.of(2023, 1, 1, 0, 30)))
        .isCloseTo((t[8759] + t[0]) / 2, within(1e-12));
    assertThat(daejeon.outdoorC(LocalDateTime.of(2023, 12, 31, 23, 59, 59, 999_999_999)))
        .isCloseTo(t[8759], within(1e-3));
    // A leap day reuses Feb 28; the rest of a leap year keeps its month/day mapping.
    assertThat(daejeon.outdoorC(LocalDateTime.of(2024, 2, 29, 10, 15)))
        .isEqualTo(daejeon.outdoorC(LocalDateTime.of(2023, 2, 28, 10, 15)));
    assertThat(daejeon.outdoorC(LocalDateTime.of(2024, 3, 1, 10, 0)))
        .isEqualTo(daejeon.outdoorC(LocalDateTime.of(2023, 3, 1, 10, 0)));
  }

  @Test
  void irradianceIsPiecewiseConstantOverTheHourBeforeItsLabel() {
    double[] g = daejeon.hourlyGhiWm2();
    LocalDateTime noon = LocalDateTime.of(2023, 6, 1, 12, 0);
    int row = (151 * 24) + 12; // June 1 is day 151 (0-based); row "hour ending 13"
    assertThat(g[row]).isPositive();
    assertThat(daejeon.ghiWm2(noon)).isEqualTo(g[row]);
    assertThat(daejeon.ghiWm2(noon.plusMinutes(59).plusSeconds(59))).isEqualTo(g[row]);
    assertThat(daejeon.ghiWm2(noon.minusSeconds(1))).isEqualTo(g[row - 1]);
    assertThat(daejeon.ghiWm2(LocalDateTime.of(2023, 6, 1, 0, 30))).isZero();
  }

  @Test
  void missingFileNamesThePath() {
    Path missing = dir.resolve("nowhere.epw");
    assertThatThrownBy(() -> EpwReader.read(missing))
        .isInstanceOf(WeatherFileException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> EpwReader.readResource("nowhere.epw"))
        .isInstanceOf(WeatherFileException.class)
        .hasMessageContaining("/weather/nowhere.epw");
  }

  @Test
  void readsAValidSyntheticFileAndDropsFeb29() throws IOException {
    assertThat(EpwReader.read(write(syntheticYear(false))).hourlyOutdoorC()).hasSize(8760);
    EpwYear leap = EpwReader.read(write(syntheticYear(true)));
    // Synthetic temperature = month + hour / 100: March 1 hour 1 follows Feb 28 directly.
    assertThat(leap.hourlyOutdoorC()[59 * 24]).isEqualTo(3.01);
  }

  @Test
  void rejectsABadHeader() throws IOException {
    List<String> lines = syntheticYear(false);
    lines.set(0, "PLACE,Somewhere");
    assertThatThrownBy(() -> EpwReader.read(write(lines)))
        .isInstanceOf(WeatherFileException.class)
        .hasMessageStartingWith("bad.epw line 1: header must start with LOCATION");
  }

  @Test
  void rejectsANonNumericFieldNamingLineAndField() throws IOException {
    List<String> lines = syntheticYear(false);
    lines.set(13, setField(lines.get(13), 7, "abc"));
    assertThatThrownBy(() -> EpwReader.read(write(lines)))
        .isInstanceOf(WeatherFileException.class)
        .hasMessage("bad.epw line 14, field 7 (dry-bulb temperature): not a number: \"abc\"");
  }

  @Test
  void rejectsMissingIrradianceAndOutOfRangeTemperature() throws IOException {
    List<String> lines = syntheticYear(false);
    lines.set(19, setField(lines.get(19), 14, "9999"));
    assertThatThrownBy(() -> EpwReader.read(write(lines)))
        .hasMessage(
            "bad.epw line 20, field 14 (global horizontal irradiance): missing value (9999)");
    List<String> hot = syntheticYear(false);
    hot.set(30, setField(hot.get(30), 7, "99.9"));
    assertThatThrownBy(() -> EpwReader.read(write(hot)))
        .hasMessageContaining("line 31, field 7 (dry-bulb temperature): out of range -70..70");
  }

  @Test
  void rejectsWrongFieldCountAndRowsOutOfSequence() throws IOException {
    List<String> lines = syntheticYear(false);
    lines.set(9, "2019,1,1,2,60");
    assertThatThrownBy(() -> EpwReader.read(write(lines)))
        .hasMessage("bad.epw line 10: 5 fields, expected at least 22");
    List<String> skipped = syntheticYear(false);
    skipped.remove(11); // Jan 1 hour 4, so line 12 holds hour 5
    assertThatThrownBy(() -> EpwReader.read(write(skipped)))
        .hasMessageStartingWith("bad.epw line 12, field 4 (hour): out of sequence");
  }

  @Test
  void rejectsWrongRowCounts() throws IOException {
    List<String> shortYear = syntheticYear(false);
    shortYear.remove(shortYear.size() - 1);
    assertThatThrownBy(() -> EpwReader.read(write(shortYear)))
        .isInstanceOf(WeatherFileException.class)
        .hasMessageContaining("line 8767")
        .hasMessageContaining("8759 data rows")
        .hasMessageContaining("expected 8760");
    List<String> longYear = syntheticYear(false);
    longYear.add(longYear.get(8));
    assertThatThrownBy(() -> EpwReader.read(write(longYear)))
        .hasMessageContaining("line 8769")
        .hasMessageContaining("expected 8760");
  }

  private Path write(List<String> lines) throws IOException {
    return Files.write(dir.resolve("bad.epw"), lines);
  }

  /** A minimal valid EPW: 8 header lines, rows of 35 fields; temperature = month + hour / 100. */
  private static List<String> syntheticYear(boolean leap) {
    List<String> lines = new ArrayList<>();
    lines.add("LOCATION,Testville,XX,KOR,SRC,000000,36.0,127.0,9.0,50.0");
    lines.add("DESIGN CONDITIONS,0");
    lines.add("TYPICAL/EXTREME PERIODS,0");
    lines.add("GROUND TEMPERATURES,0");
    lines.add("HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0");
    lines.add("COMMENTS 1,synthetic");
    lines.add("COMMENTS 2,synthetic");
    lines.add("DATA PERIODS,1,1,Data,Sunday,1/ 1,12/31");
    int[] days = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++) {
      for (int d = 1; d <= days[m - 1]; d++) {
        for (int h = 1; h <= 24; h++) {
          String[] f = new String[35];
          Arrays.fill(f, "0");
          f[0] = leap ? "2024" : "2019";
          f[1] = Integer.toString(m);
          f[2] = Integer.toString(d);
          f[3] = Integer.toString(h);
          f[4] = "60";
          f[6] = Double.toString(m + h / 100.0);
          f[13] = h >= 8 && h <= 17 ? "300" : "0";
          lines.add(String.join(",", f));
        }
      }
    }
    return lines;
  }

  private static String setField(String line, int field, String value) {
    String[] f = line.split(",", -1);
    f[field - 1] = value;
    return String.join(",", f);
  }
}
