package org.heatgrid.forecast.nn;

import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains the multilayer perceptron with Adam on mean squared error. Early stopping on the loss of
 * a validation split taken from the end of the training period (samples are in time order) finds
 * the number of epochs; then a network is trained afresh on all samples for that many epochs, so
 * that the most recent data, the closest to what is forecast, also shapes the weights.
 */
public final class Trainer {

  private final TrainingSettings s;

  Trainer(TrainingSettings settings) {
    this.s = settings;
  }

  /**
   * Figures of a training run.
   *
   * @param samples training samples (after the validation split)
   * @param validationSamples held-out samples
   * @param epochs epochs run
   * @param bestEpoch epoch (from 0) with the lowest validation loss; the final network is trained
   *     on all samples for {@code bestEpoch + 1} epochs
   * @param bestValidationLoss that epoch's validation loss (scaled units)
   * @param seconds wall time of both trainings
   */
  public record Report(int samples, int validationSamples, int epochs, int bestEpoch,
      double bestValidationLoss, double seconds) {}

  record Result(MultiLayerNetwork network, Report report) {}

  /** Trains one network with seed {@code seed}. */
  Result train(float[][] x, float[][] y, long seed) {
    long t0 = System.nanoTime();
    int n = x.length;
    int nValid = Math.max(1, (int) Math.round(n * s.validationShare()));
    int nTrain = n - nValid;
    DataSet train = dataSet(x, y, 0, nTrain);
    DataSet valid = dataSet(x, y, nTrain, n);
    EarlyStoppingConfiguration<MultiLayerNetwork> es = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
        .epochTerminationConditions(new MaxEpochsTerminationCondition(s.maxEpochs()),
            new ScoreImprovementEpochTerminationCondition(s.patience()))
        .scoreCalculator(new DataSetLossCalculator(new ShuffledIterator(valid, 1024, seed, false), true))
        .evaluateEveryNEpochs(1)
        .modelSaver(new InMemoryModelSaver<>())
        .build();
    EarlyStoppingTrainer trainer = new EarlyStoppingTrainer(es, configuration(x[0].length, y[0].length, seed),
        new ShuffledIterator(train, s.batch(), seed, true));
    EarlyStoppingResult<MultiLayerNetwork> r = trainer.fit();
    // getBestModelScore() reads 0 in DL4J 1.0.0-M2.1; the per-epoch scores are right.
    Double best = r.getScoreVsEpoch().get(r.getBestModelEpoch());
    int epochs = r.getBestModelEpoch() + 1;
    MultiLayerNetwork full = new MultiLayerNetwork(configuration(x[0].length, y[0].length, seed));
    full.init();
    ShuffledIterator all = new ShuffledIterator(dataSet(x, y, 0, n), s.batch(), seed, true);
    for (int e = 0; e < epochs; e++) {
      all.reset();
      full.fit(all);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(full, new Report(nTrain, nValid, r.getTotalEpochs(),
        r.getBestModelEpoch(), best == null ? Double.NaN : best, seconds));
  }

  private static DataSet dataSet(float[][] x, float[][] y, int from, int to) {
    return new DataSet(Nd4j.create(java.util.Arrays.copyOfRange(x, from, to)).castTo(DataType.FLOAT),
        Nd4j.create(java.util.Arrays.copyOfRange(y, from, to)).castTo(DataType.FLOAT));
  }

  MultiLayerConfiguration configuration(int inputs, int outputs, long seed) {
    NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(s.learningRate()))
        .l2(s.l2())
        .list();
    int in = inputs;
    for (int l = 0; l < s.layers(); l++) {
      b.layer(new DenseLayer.Builder().nIn(in).nOut(s.hidden()).activation(Activation.RELU).build());
      in = s.hidden();
    }
    b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(outputs)
        .activation(Activation.IDENTITY).build());
    return b.build();
  }
}
