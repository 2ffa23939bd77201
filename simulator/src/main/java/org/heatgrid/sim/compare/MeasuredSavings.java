package org.heatgrid.sim.compare;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.SortedMap;
import java.util.TreeMap;
import org.heatgrid.forecast.baseline.Towt;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.sim.output.MeterExport;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.tariff.Tariff;

/**
 * What measurement and verification would report as a controller's savings, from what a site has:
 * the meters' hourly heat and the outdoor sensors, under the former operation (a history period
 * under the heating curve) and under the controller. Weather-normalised avoided energy (IPMVP
 * option C style): a time-of-week-and-temperature model ({@link Towt}) fitted per building on the
 * history predicts what the former operation would have used in the reporting period's weather;
 * the savings are that prediction minus the metered heat. The simulator alone also knows the true
 * savings (the baseline replayed on the same trace), so the estimate's error is visible.
 *
 * @param predictedBaselineMwh the model's heat of the former operation over the reporting period
 * @param meteredMwh the controller's metered heat over the reporting period
 * @param predictedBaselineUsageKrw the usage charge of the predicted heat, hour by hour
 * @param meteredUsageKrw the usage charge of the metered heat, hour by hour
 * @param monthlyPredictedMwh per calendar month of the reporting period, the predicted heat
 * @param monthlyMeteredMwh per calendar month of the reporting period, the metered heat
 */
public record MeasuredSavings(double predictedBaselineMwh, double meteredMwh,
    double predictedBaselineUsageKrw, double meteredUsageKrw,
    SortedMap<YearMonth, Double> monthlyPredictedMwh, SortedMap<YearMonth, Double> monthlyMeteredMwh) {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final double KWH_PER_MCAL = 1.163;

  /** Energy savings as M&V reports them, % of the predicted baseline. */
  public double energySavingsPercent() {
    return 100 * (1 - meteredMwh / predictedBaselineMwh);
  }

  /** Energy savings of one month as M&V reports them, % of that month's predicted baseline. */
  public double energySavingsPercent(YearMonth month) {
    return 100 * (1 - monthlyMeteredMwh.get(month) / monthlyPredictedMwh.get(month));
  }


  /** Usage-cost savings as M&V reports them, % of the predicted baseline's usage charge. */
  public double usageSavingsPercent() {
    return 100 * (1 - meteredUsageKrw / predictedBaselineUsageKrw);
  }

  /**
   * @param history the former operation's run (the history period under the heating curve)
   * @param reporting the controller's run
   * @throws IllegalArgumentException when the reporting period does not start after the history
   */
  public static MeasuredSavings estimate(RunResult history, RunResult reporting, Tariff tariff) {
    ZoneId zone = reporting.scenario().zone();
    MeterData before = MeterExport.meterData(history, HOUR);
    MeterData after = MeterExport.meterData(reporting, HOUR);
    int gap = (int) Duration.between(before.time(before.length() - 1), after.start()).toHours();
    if (gap < 1) {
      throw new IllegalArgumentException("reporting period starts at " + after.start()
          + ", not after the history's end " + before.time(before.length() - 1));
    }
    int reportFrom = before.length() - 1 + gap;
    int n = reportFrom + after.length();
    int nb = after.buildings().size();
    double[][] heat = new double[nb][n];
    double[][] outdoor = new double[nb][n];
    double[][] ghi = new double[nb][n];
    for (int b = 0; b < nb; b++) {
      java.util.Arrays.fill(heat[b], Double.NaN);
      java.util.Arrays.fill(outdoor[b], Double.NaN);
      java.util.Arrays.fill(ghi[b], Double.NaN);
      System.arraycopy(before.heatKw()[b], 0, heat[b], 0, before.length());
      System.arraycopy(before.outdoorC()[b], 0, outdoor[b], 0, before.length());
      // The reporting period gives its weather only: its heat is what the model must not see.
      System.arraycopy(after.outdoorC()[b], 0, outdoor[b], reportFrom, after.length());
    }
    MeterData grid = new MeterData(before.start(), HOUR, after.buildings(), heat, outdoor, ghi);
    Towt model = new Towt();
    model.fit(grid, before.length(), zone);
    ForecastInput in = new ForecastInput(grid, reportFrom, after.length(), zone);
    double predictedKwh = 0;
    double meteredKwh = 0;
    double predictedKrw = 0;
    double meteredKrw = 0;
    SortedMap<YearMonth, Double> monthlyPredicted = new TreeMap<>();
    SortedMap<YearMonth, Double> monthlyMetered = new TreeMap<>();
    for (int b = 0; b < nb; b++) {
      double[] predicted = model.predict(in, b);
      for (int h = 0; h < after.length(); h++) {
        YearMonth month = YearMonth.from(after.time(h).atZone(zone));
        monthlyPredicted.merge(month, predicted[h] / 1000, Double::sum);
        monthlyMetered.merge(month, after.heatKw()[b][h] / 1000, Double::sum);
        double price = tariff.usage().krwPerMcal(LocalDateTime.ofInstant(after.time(h), zone));
        predictedKwh += predicted[h];
        meteredKwh += after.heatKw()[b][h];
        predictedKrw += predicted[h] / KWH_PER_MCAL * price;
        meteredKrw += after.heatKw()[b][h] / KWH_PER_MCAL * price;
      }
    }
    return new MeasuredSavings(predictedKwh / 1000, meteredKwh / 1000, predictedKrw, meteredKrw,
        monthlyPredicted, monthlyMetered);
  }
}
