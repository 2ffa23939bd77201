package org.heatgrid.cli;

import java.io.PrintWriter;
import java.util.DoubleSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import org.heatgrid.sim.compare.BuildingComfort;
import org.heatgrid.sim.compare.Comparison;
import org.heatgrid.sim.compare.CostBound;
import org.heatgrid.sim.compare.MeasuredSavings;
import org.heatgrid.sim.compare.SeedSweep;
import org.heatgrid.sim.compare.SeedSweep.Figure;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;

/** The tables {@code heatgrid compare} prints. */
final class CompareTables {

  private CompareTables() {}

  /** One row per controller: cost, savings, energy, peak, discomfort (occupied and all hours). */
  static void cluster(PrintWriter out, Comparison c) {
    out.printf(Locale.ROOT, "%-13s %10s %9s %7s %10s %7s %9s %7s %9s %9s %8s %9s%n", "controller",
        "cost MKRW", "saved MKRW", "saved %", "energy MWh", "ratio", "peak kW", "band %", "tdis occ",
        "tdis all", "oracle %", "fallbacks");
    KpiSet b = c.baseline().cluster();
    for (String name : c.runs().keySet()) {
      KpiSet k = c.kpis().get(name).cluster();
      double share = c.shareOfOracle(name);
      long fb = c.fallbackReasons().getOrDefault(name, Map.of()).values().stream()
          .mapToLong(Long::longValue).sum();
      out.printf(Locale.ROOT, "%-14s %10.1f %9.1f %7.1f %10.0f %7.3f %9.0f %7.2f %9.2f %9.2f %8s %9d%n",
          name, k.costKrw() / 1e6, c.savingsKrw(name) / 1e6, 100 * c.savingsKrw(name) / b.costKrw(),
          k.energyMwh(), k.energyMwh() / b.energyMwh(), k.peakKw(), 100 * k.peakBandShare(),
          k.tdisOccupiedKhPerZone(),
          k.tdisKhPerZone(), name.equals("baseline") || !Double.isFinite(share) ? ""
              : String.format(Locale.ROOT, "%.0f", 100 * share), fb);
    }
  }

  /** What M&V would report from the meters beside the true savings, energy and usage cost. */
  /** For every ideal run, the bill no controller holding its floor can undercut. */
  static void costBounds(PrintWriter out, Comparison c) {
    double base = c.baseline().cluster().costKrw();
    c.runs().forEach((name, run) -> {
      if (CostBound.isBoundOf(run.controller())) {
        CostBound b = CostBound.of(run);
        out.printf(Locale.ROOT, "cost bound of %s: %.1f MKRW (%.3f of the baseline): its heat at "
            + "%.1f KRW/kWh, the lowest rate, and capacity for its highest %d-day mean, %.0f kW%n",
            name, b.costKrw() / 1e6, b.costKrw() / base, b.lowestRateKrwPerKwh(),
            CostBound.CAPACITY_WINDOW_DAYS, b.capacityKw());
      }
    });
  }

  static void measured(PrintWriter out, Comparison c) {
    if (c.measured().isEmpty()) {
      out.println("measured savings: none (the scenario does not start after the MPC's history)");
      return;
    }
    out.println("measured savings (M&V: TOWT-solar on the history's meters) vs true "
        + "(baseline replayed):");
    out.printf(Locale.ROOT, "%-13s %12s %12s %8s %12s %12s %8s%n", "controller", "energy M&V",
        "energy true", "error", "usage M&V", "usage true", "error");
    for (String name : c.runs().keySet()) {
      MeasuredSavings m = c.measured().get(name);
      double e = m.energySavingsPercent();
      double et = c.trueEnergySavingsPercent(name);
      double u = m.usageSavingsPercent();
      double ut = c.trueUsageSavingsPercent(name);
      out.printf(Locale.ROOT, "%-14s %11.2f%% %11.2f%% %+7.2f %11.2f%% %11.2f%% %+7.2f%n", name, e,
          et, e - et, u, ut, u - ut);
    }
    out.print("monthly energy savings, M&V / true (replayed baseline's meters):");
    for (String name : c.runs().keySet()) {
      MeasuredSavings m = c.measured().get(name);
      out.printf(Locale.ROOT, "%n  %-13s", name);
      for (java.time.YearMonth month : m.monthlyPredictedMwh().keySet()) {
        out.printf(Locale.ROOT, " %s %.1f/%.1f", month, m.energySavingsPercent(month),
            c.trueEnergySavingsPercent(name, month));
      }
    }
    out.println();
  }

  /** Occupied-hour discomfort per building and controller, K*h per zone, and the worst excess. */
  static void buildings(PrintWriter out, Comparison c) {
    out.println("occupied discomfort per building, K*h per zone:");
    out.printf(Locale.ROOT, "%-9s", "building");
    c.runs().keySet().forEach(name -> out.printf(Locale.ROOT, " %9s", name));
    out.println();
    for (String id : c.baseline().buildings().keySet()) {
      out.printf(Locale.ROOT, "%-9s", id);
      for (String name : c.runs().keySet()) {
        out.printf(Locale.ROOT, " %9.2f", c.kpis().get(name).buildings().get(id).tdisOccupiedKhPerZone());
      }
      out.println();
    }
    for (String name : c.runs().keySet()) {
      if (!name.equals("baseline")) {
        KpiReport k = c.kpis().get(name);
        out.printf(Locale.ROOT, "%s: worst building %s, %+.2f K*h per zone against its baseline%n",
            name, BuildingComfort.worstBuilding(k, c.baseline()),
            BuildingComfort.worstExcess(k, c.baseline()));
      }
    }
  }

  /** Per seed and controller the headline figures, then their mean, minimum and maximum. */
  static void seeds(PrintWriter out, SeedSweep sweep) {
    String head = "%-6s %-13s %8s %8s %9s %9s %9s %8s %8s%n";
    String row = "%-6s %-13s %8.4f %8.4f %9.2f %9.2f %+9.2f %8.4f %8.4f%n";
    out.printf(Locale.ROOT, head, "seed", "controller", "cost", "energy", "tdis occ", "tdis all",
        "worst bld", "peak", "band");
    sweep.comparisons().forEach((seed, c) -> {
      for (String name : c.runs().keySet()) {
        out.printf(Locale.ROOT, row, seed, name, Figure.COST_RATIO.of(c, name),
            Figure.ENERGY_RATIO.of(c, name), Figure.TDIS_OCCUPIED.of(c, name),
            Figure.TDIS_ALL.of(c, name), Figure.WORST_BUILDING_EXCESS.of(c, name),
            Figure.PEAK_RATIO.of(c, name), Figure.PEAK_BAND_SHARE.of(c, name));
      }
    });
    out.println("cost, energy and peak as ratios to the baseline of the same seed; worst bld: the "
        + "largest excess of a building's occupied discomfort over its own baseline, K*h per zone; "
        + "band: share of the heat bought in the tariff's peak band");
    for (String name : sweep.controllers()) {
      if (name.equals("baseline")) {
        continue;
      }
      for (String stat : new String[] {"mean", "min", "max"}) {
        out.printf(Locale.ROOT, "%-6s %-13s", stat, name);
        for (Figure f : Figure.values()) {
          DoubleSummaryStatistics s = sweep.stats(name, f);
          double v = stat.equals("mean") ? s.getAverage() : stat.equals("min") ? s.getMin() : s.getMax();
          out.printf(Locale.ROOT, f == Figure.WORST_BUILDING_EXCESS ? " %+9.2f"
              : f == Figure.TDIS_OCCUPIED || f == Figure.TDIS_ALL ? " %9.2f" : " %8.4f", v);
        }
        out.println();
      }
    }
  }
}
