package org.heatgrid.sim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.run.RunResult;

/**
 * kpis.json: {@code {"controller", "scenario", "period": {"from", "to"}, "cluster": {...},
 * "buildings": {"<id>": {...}}, "ratio_to_baseline": {"cluster", "buildings"}, "run": {...}}}.
 * An undefined ratio (reference 0, value not) is written as null.
 */
public final class KpiJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private KpiJson() {}

  public static ObjectNode toJson(KpiReport k, KpiReport ratioToBaseline, RunResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("controller", k.controller());
    root.put("scenario", r.scenario().name());
    ObjectNode period = root.putObject("period");
    period.put("from", k.from().toString());
    period.put("to", k.to().toString());
    root.set("cluster", kpis(k.cluster()));
    ObjectNode b = root.putObject("buildings");
    k.buildings().forEach((id, set) -> b.set(id, kpis(set)));
    if (ratioToBaseline != null) {
      ObjectNode ratio = root.putObject("ratio_to_baseline");
      ratio.set("cluster", kpis(ratioToBaseline.cluster()));
      ObjectNode rb = ratio.putObject("buildings");
      ratioToBaseline.buildings().forEach((id, set) -> rb.set(id, kpis(set)));
    }
    ObjectNode run = root.putObject("run");
    run.put("seed", r.scenario().seed());
    run.put("weather", r.scenario().weatherName());
    run.put("forecast_error", r.scenario().forecastError().name().toLowerCase(java.util.Locale.ROOT));
    run.put("control_step_minutes", r.step().toMinutes());
    run.put("fallback_commands", r.stats().fallbackCommands());
    run.put("controller_failures", r.stats().controllerFailures());
    run.put("wall_seconds", r.stats().wallSeconds());
    run.put("speedup", r.stats().speedup());
    return root;
  }

  static ObjectNode kpis(KpiSet s) {
    ObjectNode o = JSON.createObjectNode();
    put(o, "cost_krw", s.costKrw());
    put(o, "usage_cost_krw", s.usageCostKrw());
    put(o, "basic_cost_krw", s.basicCostKrw());
    put(o, "energy_mwh", s.energyMwh());
    put(o, "energy_kwh_m2", s.energyKwhM2());
    put(o, "peak_kw", s.peakKw());
    put(o, "tdis_kh_per_zone", s.tdisKhPerZone());
    put(o, "tdis_occupied_kh_per_zone", s.tdisOccupiedKhPerZone());
    put(o, "time_ratio", s.timeRatio());
    put(o, "peak_band_share", s.peakBandShare());
    return o;
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  public static void write(ObjectNode json, Path file) throws IOException {
    JSON.writeValue(file.toFile(), json);
  }
}
