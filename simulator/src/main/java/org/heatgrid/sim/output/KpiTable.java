package org.heatgrid.sim.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;

/** The KPI table as text (console) and as cells (HTML report). */
public final class KpiTable {

  public static final List<String> COLUMNS = List.of("building", "cost MKRW", "usage MKRW",
      "basic MKRW", "energy MWh", "kWh/m2", "peak kW", "tdis occ K*h/zone", "tdis K*h/zone");

  private KpiTable() {}

  /** Rows of formatted cells: the cluster first, then each building. */
  public static List<List<String>> rows(KpiReport k) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("cluster", k.cluster()));
    k.buildings().forEach((id, s) -> rows.add(row(id, s)));
    return rows;
  }

  private static List<String> row(String name, KpiSet s) {
    return List.of(name, f("%.1f", s.costKrw() / 1e6), f("%.1f", s.usageCostKrw() / 1e6),
        f("%.2f", s.basicCostKrw() / 1e6), f("%.1f", s.energyMwh()), f("%.1f", s.energyKwhM2()),
        f("%.0f", s.peakKw()), f("%.2f", s.tdisOccupiedKhPerZone()), f("%.1f", s.tdisKhPerZone()));
  }

  /** The table aligned in columns for a terminal. */
  public static String text(KpiReport k) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(COLUMNS);
    rows.addAll(rows(k));
    int[] width = new int[COLUMNS.size()];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        String cell = r.get(i);
        String pad = " ".repeat(width[i] - cell.length());
        sb.append(i == 0 ? cell + pad : "  " + pad + cell);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String f(String fmt, double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "-";
  }
}
