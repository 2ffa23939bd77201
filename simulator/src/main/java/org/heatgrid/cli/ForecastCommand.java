package org.heatgrid.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code heatgrid forecast}: backtest, train and predict with the heat-demand forecaster. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Heat-demand forecasting: day-ahead backtests against M&V baselines, training "
        + "into a model store, and forecasts from a stored model.",
    subcommands = {ForecastBacktestCommand.class, ForecastTrainCommand.class, ForecastPredictCommand.class,
        ForecastBenchCommand.class})
final class ForecastCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
