package org.heatgrid.cli;

import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.nn.TrainingSettings;
import picocli.CommandLine.Option;

/** Training knobs of the network on the command line. */
final class TrainingOptions {

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "200",
      description = "Upper bound on training epochs; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", defaultValue = "42", description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--issue-stride-hours", paramLabel = "H", defaultValue = "24",
      description = "Hours between training issue times from local midnight: 24 trains the day-ahead "
          + "model of the backtest protocol; 1 trains one that forecasts from any hour (default: ${DEFAULT-VALUE}).")
  int strideHours;

  @Option(names = "--members", paramLabel = "N", defaultValue = "4",
      description = "Networks in the ensemble, trained with seeds seed..seed+N-1 (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.0003",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}; small sites with a year of history train better at 0.001).")
  double learningRate;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "8",
      description = "Epochs without a better validation loss before stopping (default: ${DEFAULT-VALUE}).")
  int patience;

  TrainingSettings settings(HolidayCalendar holidays) {
    return TrainingSettings.defaults(holidays).withMaxEpochs(epochs).withSeed(seed)
        .withIssueStrideHours(strideHours).withMembers(members).withOptimiser(learningRate, batch, patience);
  }
}
