package org.heatgrid.forecast.baseline;

import java.time.Duration;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;

/**
 * The regression shared by {@link Towt}, {@link TowtSolar} and {@link Arx}: per building, one
 * intercept per step of the week, 6 temperature slopes, for TOWT-solar one slope on the day's
 * irradiance ({@link DailyIrradiance}) and, for ARX, 3 heat regressors; fitted by least squares on
 * the {@code windowDays} days before the training end (all data if shorter), skipping steps whose heat
 * or outdoor temperature is missing. Forecasts are clipped at 0 (heat is not negative; the linear
 * temperature term can dip below 0 in summer).
 *
 * <p>Degenerate cases never throw: a building with fewer than {@value #MIN_TRAINING_WEEKS} weeks of
 * usable steps is forecast by its mean heat (of the window; else of all history; else 0), and a
 * singular design falls back to ridge (see {@link GroupedLeastSquares}). A missing outdoor
 * temperature at a target step is replaced by the latest known one in the week before it, else the
 * building's training mean temperature.
 */
abstract class TowBase implements Forecaster {

  /** Training window of the M&V practice: one year, every season once. */
  static final int DEFAULT_WINDOW_DAYS = 365;

  /** Fewer usable steps than this many weeks: too few to fit one intercept per step of week. */
  static final int MIN_TRAINING_WEEKS = 2;

  private final int windowDays;
  private final boolean withLags;
  private final boolean withSolar;
  private Duration step;
  private BuildingModel[] models;

  /**
   * A building's fit.
   *
   * @param fit the regression, null when the building falls back to its mean
   * @param meanHeat mean heat of the training data, kW
   * @param meanOutdoorC mean outdoor temperature of the training data, C (NaN if none)
   * @param solar whether the fit has the irradiance slope (asked for, and the building's training
   *     data had irradiance on enough steps)
   * @param meanDailyGhi mean of the irradiance regressor over the training data, W/m2 (NaN if none)
   */
  record BuildingModel(GroupedLeastSquares.Fit fit, double meanHeat, double meanOutdoorC,
      boolean solar, double meanDailyGhi) {
    boolean meanOnly() {
      return fit == null;
    }
  }

  TowBase(int windowDays, boolean withLags, boolean withSolar) {
    if (windowDays < 1) {
      throw new IllegalArgumentException("window must be at least one day: " + windowDays);
    }
    this.windowDays = windowDays;
    this.withLags = withLags;
    this.withSolar = withSolar;
  }

  /** Regressors of a building's design; the irradiance slope, when used, comes last. */
  private int regressors(boolean solar) {
    return TemperatureSegments.COUNT + (withLags ? 3 : 0) + (solar ? 1 : 0);
  }

  @Override
  public void fit(MeterData data, int trainEnd, ZoneId zone) {
    if (trainEnd < 1 || trainEnd > data.length()) {
      throw new IllegalArgumentException("trainEnd " + trainEnd + " outside 1.." + data.length());
    }
    int day = data.stepsPerDay();
    int week = 7 * day;
    int from = Math.max(0, trainEnd - windowDays * day);
    int n = trainEnd - from;
    ZoneRules rules = zone.getRules();
    int[] tow = new int[n];
    for (int i = 0; i < n; i++) {
      tow[i] = LocalSteps.timeOfWeek(data, from + i, rules);
    }
    int[] issueOf = withLags ? LocalSteps.dayStarts(data, from, trainEnd, zone) : null;
    BuildingModel[] fitted = new BuildingModel[data.buildings().size()];
    for (int b = 0; b < fitted.length; b++) {
      double[] dailyGhi = withSolar
          ? DailyIrradiance.trailing(data.ghiWm2()[b], from, trainEnd, day) : null;
      fitted[b] = fitBuilding(data.heatKw()[b], data.outdoorC()[b], dailyGhi, from, trainEnd, tow,
          issueOf, day);
    }
    this.step = data.step();
    this.models = fitted;
  }

  /** @param dailyGhi the irradiance regressor on {@code [from, trainEnd)}, null without one */
  private BuildingModel fitBuilding(double[] heat, double[] temp, double[] dailyGhi, int from,
      int trainEnd, int[] tow, int[] issueOf, int day) {
    int week = 7 * day;
    Lags.Heat past = Lags.of(heat);
    double meanHeat = Lags.meanOf(past, from, trainEnd);
    if (Double.isNaN(meanHeat)) {
      meanHeat = Lags.meanOf(past, 0, trainEnd);
    }
    if (Double.isNaN(meanHeat)) {
      meanHeat = 0;
    }
    double meanT = Lags.meanOf(Lags.of(temp), from, trainEnd);
    int n = trainEnd - from;
    // The irradiance slope only where the record has irradiance on as many steps as a fit needs;
    // else this building is plain TOWT (a site without a pyranometer or a weather feed's GHI).
    boolean solar = dailyGhi != null
        && usableSteps(heat, temp, dailyGhi, from, n) >= MIN_TRAINING_WEEKS * 7 * day;
    double meanGhi = solar ? Lags.meanOf(Lags.of(dailyGhi), 0, n) : Double.NaN;
    int[] group = new int[n];
    double[][] x = new double[n][];
    double[] y = new double[n];
    int m = 0;
    int dayMeanIssue = Integer.MIN_VALUE;
    double dayMean = Double.NaN;
    for (int i = 0; i < n; i++) {
      int k = from + i;
      if (!usable(heat, temp, solar ? dailyGhi : null, k, i)) {
        continue;
      }
      double[] r = new double[regressors(solar)];
      TemperatureSegments.components(temp[k], r, 0);
      if (withLags) {
        int issue = issueOf[i]; // local midnight of k's day, as in the day-ahead forecast
        if (issue != dayMeanIssue) {
          dayMean = Lags.meanOfDayBefore(past, issue, day, week, meanHeat);
          dayMeanIssue = issue;
        }
        lagRegressors(past, k, issue, day, meanHeat, dayMean, r);
      }
      if (solar) {
        r[r.length - 1] = dailyGhi[i];
      }
      group[m] = tow[i];
      x[m] = r;
      y[m] = heat[k];
      m++;
    }
    if (m < MIN_TRAINING_WEEKS * week) {
      return new BuildingModel(null, meanHeat, meanT, false, Double.NaN);
    }
    return new BuildingModel(GroupedLeastSquares.fit(week, group, x, y, m), meanHeat, meanT, solar,
        meanGhi);
  }

  private static int usableSteps(double[] heat, double[] temp, double[] dailyGhi, int from, int n) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (usable(heat, temp, dailyGhi, from + i, i)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether step {@code k} (index {@code i} of the window) can train: heat, temperature and, with
   * an irradiance regressor ({@code dailyGhi} not null), irradiance present.
   */
  private static boolean usable(double[] heat, double[] temp, double[] dailyGhi, int k, int i) {
    return Double.isFinite(heat[k]) && Double.isFinite(temp[k])
        && (dailyGhi == null || Double.isFinite(dailyGhi[i]));
  }

  /** ARX heat regressors at offset 6: lag one day, lag one week, mean of the day before the issue. */
  private static void lagRegressors(Lags.Heat past, int k, int issue, int day, double meanHeat,
      double dayMean, double[] r) {
    int week = 7 * day;
    int o = TemperatureSegments.COUNT;
    r[o] = Lags.valueOrWeekBefore(past, Lags.knownStep(k, issue, day), week, meanHeat);
    r[o + 1] = Lags.valueOrWeekBefore(past, Lags.knownStep(k, issue, week), week, meanHeat);
    r[o + 2] = dayMean;
  }

  @Override
  public double[] predict(ForecastInput in, int b) {
    if (models == null) {
      throw new IllegalStateException(name() + ": predict before fit");
    }
    if (!in.grid().step().equals(step)) {
      throw new IllegalStateException(name() + " was fitted on steps of " + step + ", asked for "
          + in.grid().step());
    }
    if (b < 0 || b >= models.length) {
      throw new IndexOutOfBoundsException("building " + b + " of " + models.length);
    }
    BuildingModel model = models[b];
    double[] out = new double[in.horizon()];
    if (model.meanOnly()) {
      Arrays.fill(out, model.meanHeat());
      return out;
    }
    int day = in.grid().stepsPerDay();
    int week = 7 * day;
    int issue = in.issue();
    ZoneRules rules = in.zone().getRules();
    Lags.Heat past = j -> in.heatKw(b, j);
    double dayMean = withLags ? Lags.meanOfDayBefore(past, issue, day, week, model.meanHeat()) : 0;
    double[] r = new double[regressors(model.solar())];
    for (int h = 0; h < out.length; h++) {
      int k = issue + h;
      TemperatureSegments.components(outdoor(in, b, k, week, model.meanOutdoorC()), r, 0);
      if (withLags) {
        lagRegressors(past, k, issue, day, model.meanHeat(), dayMean, r);
      }
      if (model.solar()) {
        double g = DailyIrradiance.at(j -> in.ghiWm2(b, j), k, day);
        r[r.length - 1] = Double.isFinite(g) ? g : model.meanDailyGhi();
      }
      out[h] = Math.max(0, model.fit().predict(LocalSteps.timeOfWeek(in.grid(), k, rules), r));
    }
    return out;
  }

  /** Outdoor temperature at {@code k}; if missing, the latest known in the week before; else the mean. */
  private static double outdoor(ForecastInput in, int b, int k, int week, double mean) {
    for (int j = k; j >= Math.max(0, k - week); j--) {
      double t = in.outdoorC(b, j);
      if (Double.isFinite(t)) {
        return t;
      }
    }
    return Double.isFinite(mean) ? mean : 0;
  }

  /** The fit of building {@code b} (tests and diagnostics). */
  BuildingModel model(int b) {
    if (models == null) {
      throw new IllegalStateException(name() + ": not fitted");
    }
    return models[b];
  }
}
