package org.heatgrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heatgrid.forecast.data.MeterCsv;
import org.heatgrid.forecast.data.MeterData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train, predict and the refusals of the forecast commands, through the real command line. */
class ForecastCommandTest {

  @TempDir
  Path dir;

  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void writeData() {
    int n = 60 * 24;
    double[][] heat = new double[2][n];
    double[][] temp = new double[2][n];
    double[][] ghi = new double[2][n];
    for (int k = 0; k < n; k++) {
      double t = 4 + 6 * Math.sin(k / 40.0);
      for (int b = 0; b < 2; b++) {
        temp[b][k] = t;
        ghi[b][k] = 0;
        heat[b][k] = (b + 1) * (30 + 2 * (18 - t) + 10 * Math.sin(Math.PI * (k % 24) / 24));
      }
    }
    MeterCsv.write(new MeterData(Instant.parse("2025-12-01T00:00:00Z"), Duration.ofHours(1),
        List.of("A", "B"), heat, temp, ghi), dir.resolve("meters.csv"));
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = HeatgridCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void trainThenPredictFromTheStore() {
    String data = dir.resolve("meters.csv").toString();
    String store = dir.resolve("models").toString();
    assertThat(run("forecast", "train", "--data", data, "--until", "2026-01-20", "--model", store,
        "--epochs", "2", "--members", "1", "--holidays", "none")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("saved model").contains("v0001");
    assertThat(err.toString()).contains("ND4J backend");
    assertThat(run("forecast", "predict", "--model", store, "--data", data, "--at", "2026-01-25T00:00Z"))
        .as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(1 + 2 * 24);
    assertThat(lines.get(0)).isEqualTo("time,building,heat_kw");
    assertThat(lines.get(1)).startsWith("2026-01-25T00:00:00Z,A,");
  }

  @Test
  void predictRefusesABuildingTheModelDoesNotKnow() throws Exception {
    String data = dir.resolve("meters.csv").toString();
    String store = dir.resolve("models").toString();
    run("forecast", "train", "--data", data, "--until", "2026-01-20", "--model", store,
        "--epochs", "1", "--members", "1", "--holidays", "none");
    Path other = dir.resolve("other.csv");
    Files.writeString(other, Files.readString(dir.resolve("meters.csv")).replace(",B,", ",Q,"));
    assertThat(run("forecast", "predict", "--model", store, "--data", other.toString(), "--at",
        "2026-01-25T00:00Z")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown building \"Q\"");
  }

  @Test
  void badInputsAreRefusedWithTheirPlace() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "timestamp,building,outdoor_c\n2026-01-01T00:00Z,A,3\n");
    assertThat(run("forecast", "backtest", "--data", bad.toString(), "--test-from", "2026-01-01")).isEqualTo(2);
    assertThat(err.toString()).contains("bad.csv").contains("heat_kw");
    assertThat(run("forecast", "predict", "--model", dir.resolve("none").toString(), "--data",
        dir.resolve("meters.csv").toString(), "--at", "2026-01-25T00:00Z")).isEqualTo(2);
    assertThat(err.toString()).contains("no model store at");
    assertThat(run("forecast", "backtest", "--data", dir.resolve("meters.csv").toString(),
        "--test-from", "2027-01-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--test-from 2027-01-01 lies outside the data");
  }
}
