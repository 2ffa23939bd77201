package org.heatgrid.sim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.output.KpiTable;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;

/** Assembles report.html's data from a run and its KPIs. */
public final class RunReport {

  private RunReport() {}

  public static void write(RunResult r, KpiReport k, Path file) throws IOException {
    HtmlReport.write(data(r, k), file);
  }

  static ReportData data(RunResult r, KpiReport k) {
    int n = r.steps();
    double[] cluster = new double[n];
    for (double[] b : r.heatKw()) {
      for (int i = 0; i < n; i++) {
        cluster[i] += b[i];
      }
    }
    List<ReportData.BuildingSeries> series = new ArrayList<>();
    for (int b = 0; b < r.buildings().size(); b++) {
      BuildingInfo info = r.buildings().get(b);
      ComfortBand band = info.comfort();
      double[] indoor = new double[n];
      double[] low = new double[n];
      double[] high = new double[n];
      for (int i = 0; i < n; i++) {
        indoor[i] = r.meanIndoorC(b, i);
        boolean occ = r.occupied()[b][i];
        low[i] = band.low(occ);
        high[i] = band.high(occ);
      }
      series.add(new ReportData.BuildingSeries(info.id(), info.name() + " (" + info.type() + ")",
          indoor, low, high));
    }
    double[][] daily = dailyUsage(r);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(java.util.Locale.ROOT,
        "Season cost %.1f million KRW (usage %.1f, basic charge %.1f), excluding VAT.",
        k.cluster().costKrw() / 1e6, k.cluster().usageCostKrw() / 1e6, k.cluster().basicCostKrw() / 1e6));
    notes.add("Tariff: " + r.scenario().tariff().name() + ". Weather: " + r.scenario().weatherName()
        + ", forecast error " + r.scenario().forecastError().name().toLowerCase(java.util.Locale.ROOT) + ".");
    if (r.stats().fallbackCommands() > 0 || r.stats().controllerFailures() > 0) {
      notes.add("Fallbacks: " + r.stats().fallbackCommands() + " building-steps on the local heating "
          + "curve; " + r.stats().controllerFailures() + " controller failures.");
    }
    notes.add(String.format(java.util.Locale.ROOT, "Simulated %d days in %.1f s (%.0f times real time).",
        r.scenario().days() + r.scenario().warmupDays(), r.stats().wallSeconds(), r.stats().speedup()));
    return new ReportData(r.scenario().name() + " - " + r.controller(),
        r.scenario().weather().stationName() + ", " + r.scenario().from() + " to " + r.scenario().to()
            + ", seed " + r.scenario().seed(),
        KpiTable.COLUMNS, KpiTable.rows(k), notes, r.start(), r.step(), cluster, r.outdoorC(),
        series, r.scenario().from(), daily[0], daily[1]);
  }

  /** Cluster usage charge per day: [0] total, [1] the part in the peak band. */
  static double[][] dailyUsage(RunResult r) {
    int days = (int) r.scenario().days();
    double[][] out = new double[2][days];
    Tariff tariff = r.scenario().tariff();
    UsageRate rate = tariff.usage();
    for (double[] meter : r.meterKwh15()) {
      for (int w = 0; w < meter.length; w++) {
        LocalDateTime t = r.start().plusMinutes(15L * w);
        int day = (int) (t.toLocalDate().toEpochDay() - r.scenario().from().toEpochDay());
        double krw = meter[w] * tariff.usageKrwPerKwh(t);
        out[0][day] += krw;
        if (rate instanceof UsageRate.TimeOfUse tou && tou.isPeak(t)) {
          out[1][day] += krw;
        }
      }
    }
    return out;
  }
}
