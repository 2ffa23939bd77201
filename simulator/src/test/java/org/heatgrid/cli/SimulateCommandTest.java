package org.heatgrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = HeatgridCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void simulateWritesKpisTimeseriesAndReport() throws Exception {
    int code = run("simulate", "--from", "2026-01-05", "--to", "2026-01-07", "--quiet", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode k = new ObjectMapper().readTree(dir.resolve("kpis.json").toFile());
    assertThat(k.get("controller").asText()).isEqualTo("baseline");
    assertThat(k.at("/period/from").asText()).isEqualTo("2026-01-05");
    assertThat(k.at("/period/to").asText()).isEqualTo("2026-01-07");
    assertThat(k.get("buildings").size()).isEqualTo(16);
    for (String key : List.of("cost_krw", "usage_cost_krw", "basic_cost_krw", "energy_mwh",
        "energy_kwh_m2", "peak_kw", "tdis_kh_per_zone", "tdis_occupied_kh_per_zone", "time_ratio")) {
      assertThat(k.at("/cluster/" + key).isNumber()).as(key).isTrue();
      assertThat(k.at("/buildings/B07/" + key).isNumber()).as(key).isTrue();
      assertThat(k.at("/ratio_to_baseline/cluster/" + key).asDouble()).as(key).isEqualTo(1.0);
    }
    List<String> csv = Files.readAllLines(dir.resolve("timeseries.csv"));
    assertThat(csv).hasSize(1 + 3 * 96 * 16);
    assertThat(csv.get(0)).startsWith("time,building,occupied,indoor_c");
    assertThat(csv.get(1)).startsWith("2026-01-05T00:00,B01,0,");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg").contains("B16");
    assertThat(out.toString()).contains("cluster").contains("times faster than real time");
  }

  @Test
  void badScenarioFileEndsWithAClearErrorAndExitCode2() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\n  \"name\": \"x\",\n  \"seed\": \"many\"\n}\n");
    assertThat(run("simulate", "--scenario", bad.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.json line 3").contains("seed").contains("expected a whole number");
  }

  @Test
  void unknownControllerIsRefusedBeforeSimulating() {
    assertThat(run("simulate", "--controller", "psychic", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown controller \"psychic\"").contains("baseline");
  }

  @Test
  void unknownHotWaterForecastIsRefusedNamingTheOptionAndItsValues() {
    for (String command : List.of("simulate", "compare")) {
      assertThat(run(command, "--hot-water", "crystal-ball", "--out", dir.toString())).isEqualTo(2);
      assertThat(err.toString()).contains("--hot-water").contains("profile, network").contains("crystal-ball");
    }
  }

  @Test
  void periodOutsideTheHolidayCalendarIsRefused() {
    assertThat(run("simulate", "--from", "2030-01-01", "--to", "2030-01-02", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("holiday calendar");
  }
}
