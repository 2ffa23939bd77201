package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.heatgrid.forecast.backtest.BacktestResult;
import org.heatgrid.forecast.backtest.DayAheadBacktest;
import org.heatgrid.forecast.baseline.Arx;
import org.heatgrid.forecast.baseline.NaiveYesterday;
import org.heatgrid.forecast.baseline.Towt;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid forecast backtest}: the day-ahead protocol of docs/design.md, section "Forecast
 * evaluation protocol", network beside baselines.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Train on the data before --test-from, forecast each test day at local midnight, "
        + "and score the network beside naive 'same hour yesterday', TOWT and ARX.")
final class ForecastBacktestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ForecastOptions data;

  @Mixin
  TrainingOptions training;

  @Option(names = "--test-from", paramLabel = "DATE", required = true, description = "First test day.")
  LocalDate testFrom;

  @Option(names = "--test-to", paramLabel = "DATE", description = "Last test day, inclusive (default: the data's last full day).")
  LocalDate testTo;

  @Option(names = "--out", paramLabel = "DIR", description = "Where metrics.json goes (default: runs/backtest).")
  Path out;

  @Option(names = "--model-out", paramLabel = "DIR", description = "Also save the trained network into this model store.")
  Path modelOut;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println(Backend.describe());
    MeterData d = data.read(err);
    LocalDate to = testTo != null ? testTo
        : java.time.LocalDateTime.ofInstant(d.time(d.length()), data.zone).toLocalDate().minusDays(1);
    int testStart = ForecastOptions.midnight(d, testFrom, data.zone, "--test-from");
    ForecastOptions.midnight(d, to.plusDays(1), data.zone, "--test-to");
    NetworkForecaster net = new NetworkForecaster(training.settings(ForecastOptions.calendar(data.holidays)));
    long t0 = System.nanoTime();
    BacktestResult r = DayAheadBacktest.run(d, testFrom, to, data.zone,
        List.of(net, new NaiveYesterday(), new Towt(), new Arx()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path dir = out != null ? out : Path.of("runs", "backtest");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("metrics.json"), r.toJson());
    stdout.printf(Locale.ROOT, "day-ahead backtest %s to %s, zone %s, %d buildings%n", testFrom, to,
        data.zone, d.buildings().size());
    stdout.print(r.toTable());
    stdout.printf(Locale.ROOT, "network: %s%n", net.reports());
    stdout.printf(Locale.ROOT, "backtest took %.1f s; wrote %s%n", seconds, dir.resolve("metrics.json"));
    if (modelOut != null) {
      Path v = ModelFiles.save(modelOut, net, d, testStart,
          data.zone, r.metricsOf(net.name()));
      stdout.println("saved model " + v);
    }
    return 0;
  }
}
