package org.heatgrid.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heatgrid.sim.plant.BuildingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioLoaderTest {

  @TempDir
  Path dir;

  static String campusText() throws IOException {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/campus16.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** campus16 with one edit, written next to the bundled weather name (which resolves to the jar). */
  private Path campusWith(String from, String to) throws IOException {
    String text = campusText();
    assertThat(text).contains(from);
    Path f = dir.resolve("edited.json");
    Files.writeString(f, text.replace(from, to));
    return f;
  }

  private static int lineOf(String text, String needle) {
    String before = text.substring(0, text.indexOf(needle));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void campus16LoadsWithSixteenRealisticBuildings() {
    Scenario s = ScenarioLoader.load("campus16");
    assertThat(s.buildings()).hasSize(16);
    double area = s.buildings().stream().mapToDouble(BuildingSpec::floorAreaM2).sum();
    assertThat(area).isBetween(80_000.0, 120_000.0);
    assertThat(s.weather().stationName()).contains("Daejeon");
    assertThat(s.from()).hasToString("2025-11-01");
    assertThat(s.to()).hasToString("2026-03-31");
    assertThat(s.buildings().stream().map(b -> b.type().key()).distinct().count()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void unknownKeyIsRefusedWithItsLineAndTheKnownKeys() throws IOException {
    Path f = campusWith("\"floors\": 5, \"built\": 1988", "\"floors\": 5, \"colour\": \"red\", \"built\": 1988");
    int line = lineOf(Files.readString(f), "\"colour\"");
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("line " + line)
        .hasMessageContaining("buildings[0].colour")
        .hasMessageContaining("unknown key")
        .hasMessageContaining("floor_area_m2");
  }

  @Test
  void outOfRangeValueIsRefusedWithKeyLineAndRange() throws IOException {
    Path f = campusWith("\"floor_area_m2\": 7000,", "\"floor_area_m2\": -5,");
    int line = lineOf(Files.readString(f), "\"floor_area_m2\": -5");
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .isInstanceOfSatisfying(ScenarioException.class,
            e -> assertThat(e.key()).isEqualTo("buildings[5].floor_area_m2"))
        .hasMessageContaining("edited.json line " + line)
        .hasMessageContaining("must be between 50 and 500000, got -5");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
      "\"control_step_minutes\": 15|\"control_step_minutes\": 7|control_step_minutes: must divide 60",
      "\"control_step_minutes\": 15|\"control_step_minutes\": \"x\"|control_step_minutes: expected a whole number",
      "\"from\": \"2025-11-01\"|\"from\": \"2025-13-01\"|period.from: Text '2025-13-01' could not be parsed",
      "\"to\": \"2026-03-31\"|\"to\": \"2025-10-01\"|period.to: must not be before period.from",
      "\"forecast_error\": \"medium\"|\"forecast_error\": \"huge\"|weather.forecast_error:",
      "\"type\": \"gym\"|\"type\": \"stadium\"|buildings[12].type: unknown building type \"stadium\"",
      "\"id\": \"B02\"|\"id\": \"B01\"|buildings[1].id: duplicate building id",
      "\"peak_hours\": [7, 10]|\"peak_hours\": [10, 7]|tariff.usage.peak_hours: must be [start, end]",
      "\"type\": \"tou\"|\"type\": \"tiered\"|tariff.usage.type: must be flat or tou",
      "\"controller\": \"baseline\"|\"controller\": \"magic\"|controller: unknown controller \"magic\"",
      "\"boost_hours\": 2|\"boost_hours\": 12|controllers.baseline.boost_hours: must be between 0 and 8",
      "\"trim\": {|\"trim\": {\"B99\": {\"shift_k\": 1},|controllers.baseline.trim.B99: no building has this id",
      "\"slope\": 0.7}|\"slope\": 7.0}|controllers.baseline.trim.B01.slope: must be between 0.2 and 3",
      "\"seed\": 42,|\"seedling\": 42,|seedling: unknown key",
      "\"occupied\": [20, 24]|\"occupied\": [24, 20]|comfort.occupied: must be [low, high]",
      "\"timezone\": \"Asia/Seoul\"|\"timezone\": \"Mars/Olympus\"|timezone:",
  })
  void badValuesAreRefusedNamingTheKey(String from, String to, String expected) throws IOException {
    Path f = campusWith(from, to);
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("edited.json line ")
        .hasMessageContaining(expected);
  }

  @Test
  void missingRequiredKeyIsNamed() throws IOException {
    Path f = campusWith("\"seed\": 42,", "");
    assertThatThrownBy(() -> ScenarioLoader.load(f)).hasMessageContaining("seed: is required");
  }

  @Test
  void missingScenarioFileIsNamed() {
    assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.json")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario file not found")
        .hasMessageContaining("nope.json");
  }

  @Test
  void missingWeatherFileIsNamed() throws IOException {
    Path f = campusWith("KOR_TJ_Daejeon.WS.471330_TMYx.2011-2025.epw", "nowhere.epw");
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .hasMessageContaining("weather.file: no such file")
        .hasMessageContaining("nowhere.epw");
  }

  @Test
  void brokenJsonIsRefusedWithItsLine() throws IOException {
    Path f = campusWith("\"seed\": 42,", "\"seed\": 42,,");
    int line = lineOf(Files.readString(f), ",,");
    assertThatThrownBy(() -> ScenarioLoader.load(f))
        .hasMessageContaining("line " + line)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void localWeatherFileNextToTheScenarioIsUsed() throws IOException {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(
        "/weather/KOR_SO_Seoul.WS.471080_TMYx.2011-2025.epw")) {
      Files.write(dir.resolve("seoul.epw"), in.readAllBytes());
    }
    Path f = campusWith("KOR_TJ_Daejeon.WS.471330_TMYx.2011-2025.epw", "seoul.epw");
    assertThat(ScenarioLoader.load(f).weather().stationName()).contains("Seoul");
  }

  @Test
  void yamlScenariosAreReadAndCheckedTheSameWay() throws IOException {
    Path y = dir.resolve("small.yaml");
    Files.writeString(y, String.join("\n",
        "name: small",
        "seed: 3",
        "period: {from: 2026-01-05, to: 2026-01-06}",
        "weather: {file: KOR_TJ_Daejeon.WS.471330_TMYx.2011-2025.epw}",
        "tariff:",
        "  name: flat",
        "  basic_krw_per_mcalh_month: 300",
        "  usage: {type: flat, krw_per_mcal: 100}",
        "buildings:",
        "  - {id: A, type: office, floor_area_m2: 2000, floors: 2, built: 2005}",
        "  - {id: B, type: office, floor_area_m2: 0, floors: 2, built: 2005}",
        ""));
    assertThatThrownBy(() -> ScenarioLoader.load(y))
        .hasMessageContaining("small.yaml line 11")
        .hasMessageContaining("buildings[1].floor_area_m2");
    Files.writeString(y, Files.readString(y).replace("floor_area_m2: 0", "floor_area_m2: 900"));
    Scenario s = ScenarioLoader.load(y);
    assertThat(s.buildings()).hasSize(2);
    assertThat(s.controlStep().toMinutes()).isEqualTo(15);
  }
}
