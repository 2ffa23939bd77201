package org.heatgrid.learn.mv;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.heatgrid.forecast.baseline.TowtSolar;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.model.Forecaster;
import org.heatgrid.tariff.Tariff;

/**
 * Weather-normalised avoided energy: a time-of-week-temperature-and-irradiance model ({@link
 * TowtSolar}: TOWT plus the day's mean irradiance where the record has it) fitted per building on
 * the hourly meters of the baseline period (the former operation) predicts, from the reporting
 * period's weather only (outdoor temperature and irradiance), what that operation would have used;
 * hour by hour and building by building the savings are that prediction minus the metered heat. An hour a
 * building has no reading is left out for that building, on both sides.
 *
 * <p>Uncertainty: ASHRAE Guideline 14-2014 (Annex B) for a regression baseline with autocorrelated
 * hourly residuals, {@code U = t 1.26 CV E sqrt((n/n')(1 + 2/n)/m)}, with CV the baseline fit's
 * CV(RMSE) of the site's hourly total, {@code n' = n (1 - rho)/(1 + rho)} ({@code rho} the lag-1
 * autocorrelation of its residuals), {@code m} the reporting hours, {@code E} the predicted heat
 * and {@code t} = 1.645 (90 %).
 *
 * @param start the reporting period's first hour
 * @param predictedKw per reporting hour, the site's predicted heat (former operation), kW
 * @param meteredKw per reporting hour, the site's metered heat, kW (the same buildings as predicted)
 * @param usagePriceKrwPerKwh per reporting hour, the tariff's usage price, KRW per kWh
 * @param baselineCvrmse the baseline fit's CV(RMSE) of the hourly site total (fraction)
 * @param baselineRho lag-1 autocorrelation of its residuals
 * @param baselineHours hours of the baseline fit
 */
public record AvoidedEnergy(Instant start, double[] predictedKw, double[] meteredKw,
    double[] usagePriceKrwPerKwh, double baselineCvrmse, double baselineRho, int baselineHours) {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final double KWH_PER_MCAL = 1.163;
  /** Student's t at 90 % two-sided for the many hours of a baseline. */
  static final double T90 = 1.645;

  /**
   * @param baseline hourly meters of the former operation (heat and outdoor temperature)
   * @param reporting hourly meters since, with the same buildings in the same order
   * @throws IllegalArgumentException when the periods overlap, the buildings differ or there is
   *     nothing to fit or report
   */
  public static AvoidedEnergy estimate(MeterData baseline, MeterData reporting, ZoneId zone,
      Tariff tariff) {
    return estimate(baseline, reporting, zone, tariff, new TowtSolar());
  }

  /**
   * As {@link #estimate(MeterData, MeterData, ZoneId, Tariff)} with another (unfitted) baseline
   * model, for comparing M&V models (plain TOWT against TOWT-solar in decision 0028).
   */
  public static AvoidedEnergy estimate(MeterData baseline, MeterData reporting, ZoneId zone,
      Tariff tariff, Forecaster model) {
    if (!baseline.buildings().equals(reporting.buildings())) {
      throw new IllegalArgumentException("baseline buildings " + baseline.buildings()
          + " differ from the reporting period's " + reporting.buildings());
    }
    if (baseline.length() < 7 * 24 || reporting.length() == 0) {
      throw new IllegalArgumentException("M&V needs at least a week of baseline hours ("
          + baseline.length() + ") and a reporting hour (" + reporting.length() + ")");
    }
    long gapHours = Duration.between(baseline.time(baseline.length() - 1), reporting.start())
        .toHours();
    if (gapHours < 1) {
      throw new IllegalArgumentException("the reporting period starts at " + reporting.start()
          + ", not after the baseline's end " + baseline.time(baseline.length() - 1));
    }
    int reportFrom = baseline.length() - 1 + (int) gapHours;
    int n = reportFrom + reporting.length();
    int nb = reporting.buildings().size();
    double[][] heat = new double[nb][n];
    double[][] outdoor = new double[nb][n];
    double[][] ghi = new double[nb][n];
    for (int b = 0; b < nb; b++) {
      Arrays.fill(heat[b], Double.NaN);
      Arrays.fill(outdoor[b], Double.NaN);
      Arrays.fill(ghi[b], Double.NaN);
      System.arraycopy(baseline.heatKw()[b], 0, heat[b], 0, baseline.length());
      System.arraycopy(baseline.outdoorC()[b], 0, outdoor[b], 0, baseline.length());
      System.arraycopy(baseline.ghiWm2()[b], 0, ghi[b], 0, baseline.length());
      // The reporting period gives its weather only: its heat is what the model must not see.
      System.arraycopy(reporting.outdoorC()[b], 0, outdoor[b], reportFrom, reporting.length());
      System.arraycopy(reporting.ghiWm2()[b], 0, ghi[b], reportFrom, reporting.length());
    }
    MeterData grid = new MeterData(baseline.start(), HOUR, reporting.buildings(), heat, outdoor, ghi);
    model.fit(grid, baseline.length(), zone);
    int m = reporting.length();
    double[] predicted = new double[m];
    double[] metered = new double[m];
    double[] price = new double[m];
    ForecastInput in = new ForecastInput(grid, reportFrom, m, zone);
    for (int b = 0; b < nb; b++) {
      double[] p = model.predict(in, b);
      for (int h = 0; h < m; h++) {
        double y = reporting.heatKw()[b][h];
        if (Double.isFinite(y) && Double.isFinite(p[h])) {
          predicted[h] += p[h];
          metered[h] += y;
        }
      }
    }
    for (int h = 0; h < m; h++) {
      price[h] = tariff.usage().krwPerMcal(LocalDateTime.ofInstant(reporting.time(h), zone))
          / KWH_PER_MCAL;
    }
    double[] fit = fitStatistics(model, grid, baseline, zone);
    return new AvoidedEnergy(reporting.start(), predicted, metered, price, fit[0], fit[1],
        (int) fit[2]);
  }

  /** CV(RMSE), lag-1 autocorrelation and hours of the baseline fit, on the site's hourly total. */
  private static double[] fitStatistics(Forecaster model, MeterData grid, MeterData baseline,
      ZoneId zone) {
    int len = baseline.length();
    double[] fitted = new double[len];
    double[] actual = new double[len];
    boolean[] ok = new boolean[len];
    Arrays.fill(ok, true);
    ForecastInput in = new ForecastInput(grid, 0, len, zone);
    for (int b = 0; b < baseline.buildings().size(); b++) {
      double[] p = model.predict(in, b);
      for (int h = 0; h < len; h++) {
        double y = baseline.heatKw()[b][h];
        ok[h] &= Double.isFinite(y) && Double.isFinite(p[h]);
        fitted[h] += p[h];
        actual[h] += y;
      }
    }
    double sum = 0;
    double sq = 0;
    int count = 0;
    double[] res = new double[len];
    for (int h = 0; h < len; h++) {
      res[h] = ok[h] ? actual[h] - fitted[h] : Double.NaN;
      if (ok[h]) {
        sum += actual[h];
        sq += res[h] * res[h];
        count++;
      }
    }
    double cv = count == 0 ? Double.NaN : Math.sqrt(sq / count) / (sum / count);
    double num = 0;
    double den = 0;
    for (int h = 0; h < len; h++) {
      if (ok[h]) {
        den += res[h] * res[h];
        if (h > 0 && ok[h - 1]) {
          num += res[h] * res[h - 1];
        }
      }
    }
    double rho = den == 0 ? 0 : Math.max(0, Math.min(0.99, num / den));
    return new double[] {cv, rho, count};
  }

  public double predictedMwh() {
    return Arrays.stream(predictedKw).sum() / 1000;
  }

  public double meteredMwh() {
    return Arrays.stream(meteredKw).sum() / 1000;
  }

  public double savedMwh() {
    return predictedMwh() - meteredMwh();
  }

  /** Saved usage charge, KRW: each hour's avoided heat at its price. */
  public double savedUsageKrw() {
    double s = 0;
    for (int h = 0; h < predictedKw.length; h++) {
      s += (predictedKw[h] - meteredKw[h]) * usagePriceKrwPerKwh[h];
    }
    return s;
  }

  /** The predicted usage charge, KRW. */
  public double predictedUsageKrw() {
    double s = 0;
    for (int h = 0; h < predictedKw.length; h++) {
      s += predictedKw[h] * usagePriceKrwPerKwh[h];
    }
    return s;
  }

  /** Savings as a share of the predicted heat, %. */
  public double savedPercent() {
    return 100 * savedMwh() / predictedMwh();
  }

  /** ASHRAE Guideline 14's 90 % uncertainty of {@link #savedMwh()}, MWh (plus or minus). */
  public double uncertaintyMwh() {
    int n = baselineHours;
    double nEff = n * (1 - baselineRho) / (1 + baselineRho);
    int m = predictedKw.length;
    return T90 * 1.26 * baselineCvrmse * predictedMwh()
        * Math.sqrt((n / nEff) * (1 + 2.0 / n) / m);
  }

  /** Per local day: predicted and metered heat, MWh, and the saved usage charge, KRW. */
  public SortedMap<LocalDate, double[]> byDay(ZoneId zone) {
    return by(h -> LocalDate.ofInstant(start.plus(HOUR.multipliedBy(h)), zone));
  }

  private <K extends Comparable<? super K>> SortedMap<K, double[]> by(Function<Integer, K> key) {
    SortedMap<K, double[]> out = new TreeMap<>();
    for (int h = 0; h < predictedKw.length; h++) {
      double[] v = out.computeIfAbsent(key.apply(h), k -> new double[3]);
      v[0] += predictedKw[h] / 1000;
      v[1] += meteredKw[h] / 1000;
      v[2] += (predictedKw[h] - meteredKw[h]) * usagePriceKrwPerKwh[h];
    }
    return out;
  }

  /** Per calendar month: predicted and metered heat, MWh, and the saved usage charge, KRW. */
  public SortedMap<java.time.YearMonth, double[]> byMonth(ZoneId zone) {
    return by(h -> java.time.YearMonth.from(start.plus(HOUR.multipliedBy(h)).atZone(zone)));
  }
}
