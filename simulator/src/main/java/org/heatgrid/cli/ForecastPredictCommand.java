package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid forecast predict}: a stored model's forecast from a time, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Forecast every building from --at with a stored model; prints time,building,heat_kw.")
final class ForecastPredictCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ForecastOptions data;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "Model store (its current version) or a version folder.")
  Path model;

  @Option(names = "--version", paramLabel = "vNNNN", description = "Version to load (default: current).")
  String version;

  @Option(names = "--at", paramLabel = "TIMESTAMP", required = true,
      description = "Issue time: ISO-8601 with offset (2026-01-05T00:00+09:00) or local to --zone (2026-01-05T00:00).")
  String at;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println(Backend.describe());
    ModelStore.Loaded m = ModelStore.load(model, version);
    err.println("model " + m.folder() + " trained until " + m.info().trainedUntil());
    MeterData d = data.read(err);
    Instant t = parse(at);
    int issue = d.indexOf(t);
    if (!d.time(issue).equals(t)) {
      throw new IllegalArgumentException("--at " + at + " is not on the data's " + d.step().toMinutes() + "-minute grid");
    }
    if (issue <= 0 || issue > d.length()) {
      throw new IllegalArgumentException("--at " + at + " needs history before it in the data");
    }
    int horizon = m.info().spec().horizon();
    double[][] f = m.forecaster().predictAll(new ForecastInput(d, issue, horizon, data.zone));
    out.println("time,building,heat_kw");
    for (int b = 0; b < f.length; b++) {
      for (int k = 0; k < horizon; k++) {
        out.printf(Locale.ROOT, "%s,%s,%.2f%n", d.time(issue + k), d.buildings().get(b), f[b][k]);
      }
    }
    return 0;
  }

  private Instant parse(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).atZone(data.zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("--at: not an ISO-8601 time: \"" + s + "\"");
      }
    }
  }
}
