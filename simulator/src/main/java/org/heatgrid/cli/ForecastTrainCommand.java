package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heatgrid forecast train}: trains the network on data before a date into a model store. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the network on the data before --until and save it as the next version of --model.")
final class ForecastTrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ForecastOptions data;

  @Mixin
  TrainingOptions training;

  @Option(names = "--until", paramLabel = "DATE", required = true,
      description = "Train on data before local midnight starting this day.")
  LocalDate until;

  @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model store folder.")
  Path model;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println(Backend.describe());
    MeterData d = data.read(err);
    int end = ForecastOptions.midnight(d, until, data.zone, "--until");
    NetworkForecaster net = new NetworkForecaster(training.settings(ForecastOptions.calendar(data.holidays)));
    net.fit(d, end, data.zone);
    Path v = ModelFiles.save(model, net, d, end, data.zone, Map.of());
    spec.commandLine().getOut().println("trained: " + net.reports() + "\nsaved model " + v);
    return 0;
  }
}
