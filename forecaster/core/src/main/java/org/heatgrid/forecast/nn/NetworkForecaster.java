package org.heatgrid.forecast.nn;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The heat-demand network as a {@link Forecaster}: {@link #fit} trains a new network (see
 * {@link Trainer}); a fitted or loaded instance forecasts every building in one batched pass.
 * Not thread-safe while fitting; forecasting from several threads is safe once fitted.
 */
public final class NetworkForecaster implements Forecaster {

  private static final Logger LOG = Logger.getLogger(NetworkForecaster.class.getName());

  private final TrainingSettings settings;
  private List<MultiLayerNetwork> nets;
  private FeatureSpec spec;
  private Scaling scaling;
  private Features features;
  private List<Trainer.Report> reports;
  /** Level-correction factors by day start and buildings; a few days are plenty. */
  private final java.util.Map<String, double[]> factorCache = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, double[]> eldest) {
      return size() > 64;
    }
  };

  public NetworkForecaster(TrainingSettings settings) {
    this.settings = settings;
  }

  /** A forecaster around stored networks, averaged (see {@code ModelStore}). */
  public static NetworkForecaster of(List<MultiLayerNetwork> nets, FeatureSpec spec, Scaling scaling,
      HolidayCalendar holidays) {
    if (nets.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one network");
    }
    NetworkForecaster f = new NetworkForecaster(TrainingSettings.defaults(holidays));
    f.nets = List.copyOf(nets);
    f.spec = spec;
    f.scaling = scaling;
    f.features = new Features(spec, scaling, holidays);
    return f;
  }

  @Override
  public String name() {
    return "model";
  }

  @Override
  public void fit(MeterData raw, int trainEnd, ZoneId zone) {
    long[] masked = {0};
    MeterData data = Outages.mask(raw, trainEnd, masked);
    if (masked[0] > 0) {
      LOG.info(() -> "masked " + masked[0] + " steps of zero heat in cold weather as meter outages");
    }
    int stepMin = (int) data.step().toMinutes();
    int spd = data.stepsPerDay();
    boolean ghi = hasGhi(data, trainEnd);
    spec = new FeatureSpec(stepMin, settings.horizonHours() * 60 / stepMin, 7, ghi, data.buildings(),
        settings.holidays().name(), settings.correctionDays());
    scaling = scaling(data, trainEnd);
    features = new Features(spec, scaling, settings.holidays());
    List<int[]> samples = new ArrayList<>();
    int stride = settings.issueStrideHours() * 60 / stepMin;
    for (int i = 8 * spd; i + spec.horizon() <= trainEnd; i++) {
      LocalDateTime local = LocalDateTime.ofInstant(data.time(i), zone);
      int minute = local.getHour() * 60 + local.getMinute();
      if (minute % (stride * stepMin) != 0) {
        continue;
      }
      for (int b = 0; b < data.buildings().size(); b++) {
        if (targetsKnown(data, b, i, spec.horizon())) {
          samples.add(new int[] {b, i});
        }
      }
    }
    if (samples.size() < 20) {
      throw new IllegalArgumentException("too little training data: " + samples.size()
          + " complete days of targets before the training end");
    }
    float[][] x = new float[samples.size()][spec.inputs()];
    float[][] y = new float[samples.size()][spec.horizon()];
    for (int s = 0; s < samples.size(); s++) {
      int b = samples.get(s)[0];
      int i = samples.get(s)[1];
      features.write(new ForecastInput(data, i, spec.horizon(), zone), b, b, x[s], 0);
      for (int k = 0; k < spec.horizon(); k++) {
        y[s][k] = (float) scaling.heat(b, data.heatKw()[b][i + k]);
      }
    }
    // Members are independent: train them side by side, one per core (each on one OpenMP thread).
    int threads = Math.max(1, Math.min(settings.members(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Trainer.Result>> futures = new ArrayList<>();
    for (int j = 0; j < settings.members(); j++) {
      long seed = settings.seed() + j;
      futures.add(pool.submit(() -> new Trainer(settings).train(x, y, seed)));
    }
    List<MultiLayerNetwork> trained = new ArrayList<>();
    List<Trainer.Report> done = new ArrayList<>();
    try {
      for (int j = 0; j < futures.size(); j++) {
        Trainer.Result r = futures.get(j).get();
        trained.add(r.network());
        done.add(r.report());
        int member = j;
        LOG.info(() -> "member " + member + " trained on " + x.length + " samples: " + r.report());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    nets = List.copyOf(trained);
    reports = List.copyOf(done);
  }

  private static boolean targetsKnown(MeterData data, int b, int i, int h) {
    for (int k = i; k < i + h; k++) {
      if (!Double.isFinite(data.heatKw()[b][k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasGhi(MeterData data, int end) {
    for (double[] g : data.ghiWm2()) {
      for (int k = 0; k < end; k++) {
        if (Double.isFinite(g[k]) && g[k] > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static Scaling scaling(MeterData data, int end) {
    List<Double> scales = new ArrayList<>();
    double ts = 0;
    double tss = 0;
    long tn = 0;
    for (int b = 0; b < data.buildings().size(); b++) {
      double s = 0;
      long n = 0;
      for (int k = 0; k < end; k++) {
        double v = data.heatKw()[b][k];
        if (Double.isFinite(v)) {
          s += v;
          n++;
        }
        double t = data.outdoorC()[b][k];
        if (Double.isFinite(t)) {
          ts += t;
          tss += t * t;
          tn++;
        }
      }
      double mean = n == 0 ? 0 : s / n;
      scales.add(mean > 1e-6 ? mean : 1.0);
    }
    double tm = tn == 0 ? 0 : ts / tn;
    double tv = tn == 0 ? 1 : Math.max(1e-6, tss / tn - tm * tm);
    return new Scaling(scales, tm, Math.sqrt(tv));
  }

  @Override
  public double[] predict(ForecastInput in, int b) {
    return predictRows(in, new int[] {b})[0];
  }

  @Override
  public double[][] predictAll(ForecastInput in) {
    int[] all = new int[in.grid().buildings().size()];
    for (int b = 0; b < all.length; b++) {
      all[b] = b;
    }
    return predictRows(in, all);
  }

  private double[][] predictRows(ForecastInput request, int[] buildings) {
    if (nets == null) {
      throw new IllegalStateException("the network is not fitted or loaded");
    }
    checkFits(request);
    // The inputs always span the model's horizon of weather, however few steps are asked for.
    ForecastInput in = request.horizon() >= spec.horizon() ? request
        : new ForecastInput(request.grid(), request.issue(), spec.horizon(), request.zone());
    int[] m = new int[buildings.length];
    for (int r = 0; r < buildings.length; r++) {
      String id = in.grid().buildings().get(buildings[r]);
      m[r] = spec.buildings().indexOf(id);
      if (m[r] < 0) {
        throw new IllegalArgumentException("unknown building \"" + id + "\": the model was trained on "
            + spec.buildings());
      }
    }
    float[][] x = new float[buildings.length][spec.inputs()];
    for (int r = 0; r < buildings.length; r++) {
      features.write(in, buildings[r], m[r], x[r], 0);
    }
    double[][] mean = scaledOutput(x);
    double[] factors = levelFactors(in, buildings, m);
    double[][] result = new double[buildings.length][request.horizon()];
    for (int r = 0; r < buildings.length; r++) {
      double[] day = unscale(m[r], mean[r]);
      for (int k = 0; k < request.horizon(); k++) {
        // Steps beyond the trained horizon repeat the forecast day's shape.
        result[r][k] = factors[r] * day[k % spec.horizon()];
      }
    }
    return result;
  }

  /**
   * Level-correction factors for the buildings, from forecasts issued at the start of the
   * issue's day on the preceding days. They change once a day, so they are kept per day: a
   * controller asking every 15 minutes pays for them once a day. History before a day's start
   * must not change afterwards (it does not: meters do not rewrite the past).
   */
  private double[] levelFactors(ForecastInput in, int[] buildings, int[] m) {
    int spd = spec.stepsPerDay();
    int anchor = in.issue() - Math.floorMod(in.issue(), spd);
    String key = in.grid().time(anchor) + "|" + java.util.Arrays.toString(m);
    synchronized (factorCache) {
      double[] cached = factorCache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    LevelCorrection correction = new LevelCorrection(spec.correctionDays(), spd);
    int[] issues = correction.issues(anchor);
    double[] factors = new double[buildings.length];
    java.util.Arrays.fill(factors, 1);
    if (issues.length > 1) {
      float[][] x = new float[(issues.length - 1) * buildings.length][spec.inputs()];
      for (int j = 1; j < issues.length; j++) {
        ForecastInput at = new ForecastInput(in.grid(), issues[j], spec.horizon(), in.zone());
        for (int r = 0; r < buildings.length; r++) {
          features.write(at, buildings[r], m[r], x[(j - 1) * buildings.length + r], 0);
        }
      }
      double[][] out = scaledOutput(x);
      ForecastInput known = new ForecastInput(in.grid(), anchor, spec.horizon(), in.zone());
      for (int r = 0; r < buildings.length; r++) {
        double[][] past = new double[issues.length - 1][];
        for (int j = 1; j < issues.length; j++) {
          past[j - 1] = unscale(m[r], out[(j - 1) * buildings.length + r]);
        }
        factors[r] = correction.factor(known, buildings[r], issues, past);
      }
    }
    synchronized (factorCache) {
      factorCache.put(key, factors);
    }
    return factors;
  }

  /** The members' mean output for each input row, in scaled units. */
  private double[][] scaledOutput(float[][] x) {
    INDArray input = Nd4j.create(x).castTo(DataType.FLOAT);
    double[][] mean = new double[x.length][spec.horizon()];
    for (MultiLayerNetwork net : nets) {
      INDArray out;
      synchronized (net) {
        out = net.output(input, false);
      }
      for (int r = 0; r < x.length; r++) {
        for (int k = 0; k < spec.horizon(); k++) {
          mean[r][k] += out.getDouble(r, k) / nets.size();
        }
      }
    }
    return mean;
  }

  private double[] unscale(int m, double[] scaled) {
    double[] kw = new double[scaled.length];
    for (int k = 0; k < kw.length; k++) {
      kw[k] = Math.max(0, scaling.unheat(m, scaled[k]));
    }
    return kw;
  }

  /** Refuses data whose grid does not fit the model's feature specification. */
  void checkFits(ForecastInput in) {
    long stepMin = in.grid().step().toMinutes();
    if (stepMin != spec.stepMinutes()) {
      throw new IllegalArgumentException("the model expects a " + spec.stepMinutes()
          + "-minute grid, the data has " + stepMin + " minutes");
    }
  }

  /** The member networks whose forecasts are averaged. */
  public List<MultiLayerNetwork> networks() {
    return nets;
  }

  public FeatureSpec spec() {
    return spec;
  }

  public Scaling scaling() {
    return scaling;
  }

  /** Training figures of the last {@link #fit}, one per member; empty for a loaded model. */
  public List<Trainer.Report> reports() {
    return reports == null ? List.of() : reports;
  }
}
