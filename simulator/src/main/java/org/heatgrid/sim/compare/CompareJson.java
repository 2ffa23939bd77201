package org.heatgrid.sim.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.output.KpiJson;
import org.heatgrid.sim.run.RunResult;

/**
 * {@code compare.json}: per controller, exactly its run's {@code kpis.json} content (which carries
 * {@code ratio_to_baseline}), plus its savings and its share of the oracle's savings.
 */
public final class CompareJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CompareJson() {}

  public static ObjectNode toJson(Comparison c) {
    ObjectNode root = JSON.createObjectNode();
    KpiReport base = c.baseline();
    for (Map.Entry<String, RunResult> e : c.runs().entrySet()) {
      String name = e.getKey();
      KpiReport k = c.kpis().get(name);
      ObjectNode o = KpiJson.toJson(k, k.ratioTo(base), e.getValue());
      ObjectNode savings = o.putObject("savings_vs_baseline");
      savings.put("cost_krw", c.savingsKrw(name));
      savings.put("cost_percent", 100 * c.savingsKrw(name) / base.cluster().costKrw());
      double share = c.shareOfOracle(name);
      if (Double.isFinite(share)) {
        savings.put("share_of_oracle_savings", share);
      }
      if (CostBound.isBoundOf(e.getValue().controller())) {
        CostBound bound = CostBound.of(e.getValue());
        ObjectNode b = o.putObject("cost_bound");
        b.put("method", "the ideal's metered heat at the period's lowest usage rate, and the basic"
            + " charge on its highest " + CostBound.CAPACITY_WINDOW_DAYS + "-day mean heat rate:"
            + " no controller holding the same floor costs less");
        b.put("cost_krw", bound.costKrw());
        b.put("cost_ratio", bound.costKrw() / base.cluster().costKrw());
        b.put("usage_krw", bound.usageKrw());
        b.put("basic_krw", bound.basicKrw());
        b.put("capacity_kw", bound.capacityKw());
      }
      MeasuredSavings m = c.measured().get(name);
      // Absent when there is no period before this one to measure against (Comparison#measured).
      if (m != null) {
        measuredSavings(o.putObject("measured_savings"), m, c, name);
      }
      ObjectNode fb = o.putObject("fallback_reasons");
      c.fallbackReasons().getOrDefault(name, Map.of()).forEach(fb::put);
      root.set(name, o);
    }
    return root;
  }

  private static void measuredSavings(ObjectNode mv, MeasuredSavings m, Comparison c, String name) {
    mv.put("method", "TOWT-solar (time of week, outdoor temperature, the day's mean irradiance) "
        + "fitted per building on the history period's hourly meters under the heating curve, "
        + "predicting the reporting period from its weather");
    mv.put("predicted_baseline_mwh", m.predictedBaselineMwh());
    mv.put("metered_mwh", m.meteredMwh());
    mv.put("energy_percent", m.energySavingsPercent());
    mv.put("usage_cost_percent", m.usageSavingsPercent());
    mv.put("true_energy_percent", c.trueEnergySavingsPercent(name));
    mv.put("true_usage_cost_percent", c.trueUsageSavingsPercent(name));
    ObjectNode months = mv.putObject("monthly");
    for (java.time.YearMonth month : m.monthlyPredictedMwh().keySet()) {
      ObjectNode mo = months.putObject(month.toString());
      mo.put("energy_percent", m.energySavingsPercent(month));
      mo.put("true_energy_percent", c.trueEnergySavingsPercent(name, month));
    }
  }

  public static void write(Comparison c, Path file) throws IOException {
    JSON.writeValue(file.toFile(), toJson(c));
  }

  /**
   * {@code seeds.json}: per seed and controller the headline figures ({@link SeedSweep.Figure}, in
   * lower case), then per controller their mean, minimum and maximum over the seeds. Each seed's
   * full {@code compare.json} is written beside it.
   */
  public static ObjectNode toJson(SeedSweep sweep) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode seeds = root.putObject("seeds");
    sweep.comparisons().forEach((seed, c) -> {
      ObjectNode o = seeds.putObject(Long.toString(seed));
      for (String name : c.runs().keySet()) {
        ObjectNode k = o.putObject(name);
        for (SeedSweep.Figure f : SeedSweep.Figure.values()) {
          k.put(f.name().toLowerCase(Locale.ROOT), f.of(c, name));
        }
      }
    });
    ObjectNode summary = root.putObject("summary");
    for (String name : sweep.controllers()) {
      ObjectNode o = summary.putObject(name);
      for (SeedSweep.Figure f : SeedSweep.Figure.values()) {
        DoubleSummaryStatistics st = sweep.stats(name, f);
        ObjectNode m = o.putObject(f.name().toLowerCase(Locale.ROOT));
        m.put("mean", st.getAverage());
        m.put("min", st.getMin());
        m.put("max", st.getMax());
      }
    }
    return root;
  }

  public static void write(SeedSweep sweep, Path file) throws IOException {
    JSON.writeValue(file.toFile(), toJson(sweep));
  }
}
