package org.heatgrid.sim.compare;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.SortedMap;
import java.util.TreeMap;
import org.heatgrid.forecast.baseline.TowtSolar;
import org.heatgrid.learn.mv.AvoidedEnergy;
import org.heatgrid.sim.output.MeterExport;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.tariff.Tariff;

/**
 * What measurement and verification would report as a controller's savings, from what a site has:
 * the meters' hourly heat and the weather (outdoor temperature and irradiance), under the former
 * operation (a history period under the heating curve) and under the controller. Weather-normalised
 * avoided energy (IPMVP option C style): a time-of-week, temperature and irradiance model ({@link
 * TowtSolar}) fitted per building on the history predicts what the former operation would have
 * used in the reporting period's weather;
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
    AvoidedEnergy a = AvoidedEnergy.estimate(MeterExport.meterData(history, HOUR),
        MeterExport.meterData(reporting, HOUR), zone, tariff);
    SortedMap<YearMonth, Double> monthlyPredicted = new TreeMap<>();
    SortedMap<YearMonth, Double> monthlyMetered = new TreeMap<>();
    a.byMonth(zone).forEach((month, v) -> {
      monthlyPredicted.put(month, v[0]);
      monthlyMetered.put(month, v[1]);
    });
    return new MeasuredSavings(a.predictedMwh(), a.meteredMwh(), a.predictedUsageKrw(),
        a.predictedUsageKrw() - a.savedUsageKrw(), monthlyPredicted, monthlyMetered);
  }
}
