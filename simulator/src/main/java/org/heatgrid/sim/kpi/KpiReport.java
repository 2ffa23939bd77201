package org.heatgrid.sim.kpi;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.tariff.Tariff;

/**
 * The KPIs of a run: the cluster and each building (in scenario order).
 *
 * @param controller controller name
 * @param from first evaluated day
 * @param to last evaluated day, inclusive
 * @param cluster KPIs of the whole cluster
 * @param buildings KPIs by building id
 */
public record KpiReport(String controller, LocalDate from, LocalDate to, KpiSet cluster,
    Map<String, KpiSet> buildings) {

  public KpiReport {
    buildings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildings));
  }

  /** Computes every KPI of a run. */
  public static KpiReport of(RunResult r) {
    Tariff tariff = r.scenario().tariff();
    LocalDate from = r.scenario().from();
    LocalDate to = r.scenario().to();
    int nb = r.buildings().size();
    double[] clusterWindows = Kpis.clusterWindowsKwh(r.meterKwh15());
    double clusterPeak = Kpis.peakKw(clusterWindows);
    int peakAt = Kpis.peakWindow(clusterWindows);
    double clusterBasic = tariff.basicChargeKrw(clusterPeak, from, to.plusDays(1));
    double stepH = r.step().toSeconds() / 3600.0;
    double timeRatio = Kpis.timeRatio(r.stats().controllerSeconds(), r.steps(), r.step().toSeconds());
    Map<String, KpiSet> out = new LinkedHashMap<>();
    double usageSum = 0;
    double area = 0;
    double tdisSum = 0;
    double tdisOccSum = 0;
    int zones = 0;
    for (int b = 0; b < nb; b++) {
      BuildingInfo info = r.buildings().get(b);
      double[] m = r.meterKwh15()[b];
      double usage = Kpis.usageCostKrw(m, r.start(), tariff);
      double share = peakAt < 0 || clusterWindows[peakAt] == 0 ? 0 : m[peakAt] / clusterWindows[peakAt];
      double basic = clusterBasic * share;
      double energyKwh = Kpis.energyKwh(m);
      double[][] tdis = discomfort(r, b, info.comfort(), stepH);
      out.put(info.id(), new KpiSet(usage + basic, usage, basic, energyKwh / 1000,
          energyKwh / info.floorAreaM2(), Kpis.peakKw(m), mean(tdis[0]), mean(tdis[1]), timeRatio,
          Kpis.peakBandShare(m, r.start(), tariff)));
      usageSum += usage;
      area += info.floorAreaM2();
      for (int z = 0; z < tdis[0].length; z++) {
        tdisSum += tdis[0][z];
        tdisOccSum += tdis[1][z];
        zones++;
      }
    }
    double clusterEnergy = Kpis.energyKwh(clusterWindows);
    KpiSet cluster = new KpiSet(usageSum + clusterBasic, usageSum, clusterBasic,
        clusterEnergy / 1000, clusterEnergy / area, clusterPeak, tdisSum / zones,
        tdisOccSum / zones, timeRatio, Kpis.peakBandShare(clusterWindows, r.start(), tariff));
    return new KpiReport(r.controller(), from, to, cluster, out);
  }

  /** Per zone of building {@code b}: [0] total and [1] occupied-hour discomfort, K*h. */
  private static double[][] discomfort(RunResult r, int b, ComfortBand band, double stepH) {
    boolean[] occ = r.occupied()[b];
    double[] low = new double[r.steps()];
    double[] high = new double[r.steps()];
    for (int k = 0; k < r.steps(); k++) {
      low[k] = band.low(occ[k]);
      high[k] = band.high(occ[k]);
    }
    double[][] zones = r.zoneAirC()[b];
    double[][] out = new double[2][zones.length];
    for (int z = 0; z < zones.length; z++) {
      out[0][z] = Kpis.discomfortKh(zones[z], low, high, null, stepH);
      out[1][z] = Kpis.discomfortKh(zones[z], low, high, occ, stepH);
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Every KPI of this report relative to {@code reference}'s (buildings matched by id). */
  public KpiReport ratioTo(KpiReport reference) {
    Map<String, KpiSet> ratios = new LinkedHashMap<>();
    buildings.forEach((id, k) -> {
      KpiSet ref = reference.buildings.get(id);
      if (ref == null) {
        throw new IllegalArgumentException("reference run has no building " + id);
      }
      ratios.put(id, k.ratioTo(ref));
    });
    return new KpiReport(controller + "/" + reference.controller, from, to,
        cluster.ratioTo(reference.cluster), ratios);
  }
}
