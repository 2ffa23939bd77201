package org.heatgrid.forecast.nn;

import org.heatgrid.calendar.HolidayCalendar;

/**
 * Hyperparameters and training choices of the network.
 *
 * @param hidden units per hidden layer
 * @param layers hidden layers
 * @param learningRate Adam's learning rate
 * @param l2 weight decay
 * @param batch minibatch size
 * @param maxEpochs upper bound on epochs
 * @param patience epochs without a better validation loss before stopping
 * @param validationShare share of the training samples, the latest ones, held out for early stopping
 * @param issueStrideHours hours between training issue times, from local midnight (24: day-ahead at
 *     midnight only, as the backtest asks; smaller values train a model for any issue hour)
 * @param horizonHours hours forecast from an issue
 * @param seed seed of initialisation and shuffling (member {@code j} uses {@code seed + j})
 * @param members networks trained with different seeds whose forecasts are averaged
 * @param correctionDays days of past forecasts whose error corrects each building's level (see
 *     {@link LevelCorrection}); 0 turns the correction off
 * @param holidays calendar for the holiday inputs
 */
public record TrainingSettings(
    int hidden,
    int layers,
    double learningRate,
    double l2,
    int batch,
    int maxEpochs,
    int patience,
    double validationShare,
    int issueStrideHours,
    int horizonHours,
    long seed,
    int members,
    int correctionDays,
    HolidayCalendar holidays) {

  public static TrainingSettings defaults(HolidayCalendar holidays) {
    return new TrainingSettings(256, 2, 3e-4, 1e-5, 128, 200, 8, 0.15, 24, 24, 42, 4, 14, holidays);
  }

  public TrainingSettings {
    if (hidden < 1 || layers < 1 || batch < 1 || maxEpochs < 1 || patience < 1 || members < 1) {
      throw new IllegalArgumentException("hidden, layers, batch, epochs, patience and members must be positive");
    }
    if (!(validationShare > 0 && validationShare < 0.5)) {
      throw new IllegalArgumentException("validation share must be in (0, 0.5): " + validationShare);
    }
    if (issueStrideHours < 1 || 24 % issueStrideHours != 0 || horizonHours < 1) {
      throw new IllegalArgumentException("issue stride must divide 24 h and the horizon be positive");
    }
  }

  public TrainingSettings withMaxEpochs(int epochs) {
    return new TrainingSettings(hidden, layers, learningRate, l2, batch, epochs, patience,
        validationShare, issueStrideHours, horizonHours, seed, members, correctionDays, holidays);
  }

  public TrainingSettings withIssueStrideHours(int hours) {
    return new TrainingSettings(hidden, layers, learningRate, l2, batch, maxEpochs, patience,
        validationShare, hours, horizonHours, seed, members, correctionDays, holidays);
  }

  public TrainingSettings withSeed(long newSeed) {
    return new TrainingSettings(hidden, layers, learningRate, l2, batch, maxEpochs, patience,
        validationShare, issueStrideHours, horizonHours, newSeed, members, correctionDays, holidays);
  }

  public TrainingSettings withMembers(int n) {
    return new TrainingSettings(hidden, layers, learningRate, l2, batch, maxEpochs, patience,
        validationShare, issueStrideHours, horizonHours, seed, n, correctionDays, holidays);
  }

  public TrainingSettings withCorrectionDays(int days) {
    return new TrainingSettings(hidden, layers, learningRate, l2, batch, maxEpochs, patience,
        validationShare, issueStrideHours, horizonHours, seed, members, days, holidays);
  }

  /** Adam's learning rate, minibatch size and early-stopping patience changed together. */
  public TrainingSettings withOptimiser(double rate, int batchSize, int patienceEpochs) {
    return new TrainingSettings(hidden, layers, rate, l2, batchSize, maxEpochs, patienceEpochs,
        validationShare, issueStrideHours, horizonHours, seed, members, correctionDays, holidays);
  }
}
