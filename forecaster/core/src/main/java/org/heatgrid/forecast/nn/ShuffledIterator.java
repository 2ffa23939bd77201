package org.heatgrid.forecast.nn;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Minibatches over an in-memory data set, reshuffled with a seeded generator at every reset, so
 * training is reproducible. Synchronous on purpose: DL4J's asynchronous prefetch would add a
 * thread and nothing to gain on arrays already in memory.
 */
final class ShuffledIterator implements DataSetIterator {

  private final INDArray features;
  private final INDArray labels;
  private final int batch;
  private final Random random;
  private final boolean shuffle;
  private int[] order;
  private int cursor;

  ShuffledIterator(DataSet data, int batch, long seed, boolean shuffle) {
    this.features = data.getFeatures();
    this.labels = data.getLabels();
    this.batch = batch;
    this.random = new Random(seed);
    this.shuffle = shuffle;
    reset();
  }

  @Override
  public boolean hasNext() {
    return cursor < order.length;
  }

  @Override
  public DataSet next() {
    return next(batch);
  }

  @Override
  public DataSet next(int num) {
    int n = Math.min(num, order.length - cursor);
    long[] idx = new long[n];
    for (int j = 0; j < n; j++) {
      idx[j] = order[cursor + j];
    }
    cursor += n;
    return new DataSet(features.getRows(toInt(idx)), labels.getRows(toInt(idx)));
  }

  private static int[] toInt(long[] v) {
    int[] r = new int[v.length];
    for (int j = 0; j < v.length; j++) {
      r[j] = (int) v[j];
    }
    return r;
  }

  @Override
  public void reset() {
    int n = (int) features.size(0);
    order = new int[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    if (shuffle) {
      for (int j = n - 1; j > 0; j--) {
        int r = random.nextInt(j + 1);
        int t = order[j];
        order[j] = order[r];
        order[r] = t;
      }
    }
    cursor = 0;
  }

  @Override
  public int inputColumns() {
    return (int) features.size(1);
  }

  @Override
  public int totalOutcomes() {
    return (int) labels.size(1);
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    return false;
  }

  @Override
  public int batch() {
    return batch;
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor p) {
    throw new UnsupportedOperationException("inputs are normalised before they get here");
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return null;
  }

  @Override
  public List<String> getLabels() {
    return null;
  }
}
