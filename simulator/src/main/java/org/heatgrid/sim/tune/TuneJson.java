package org.heatgrid.sim.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;
import org.heatgrid.control.baseline.CurveTrim;
import org.heatgrid.sim.commission.Commissioning;

/** {@code tune.json}: what was validated on, every trial, and the choice. */
public final class TuneJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TuneJson() {}

  public static void write(Tuning t, String command, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", command);
    root.put("rule", "cheapest mean cost ratio among margin rules whose occupied discomfort is at or "
        + "below the baseline's on every validation seed and whose worst building is at most "
        + Tuning.BUILDING_EXCESS_KH + " K*h/zone above its own baseline figure");
    ObjectNode v = root.putObject("validation");
    v.put("weather", t.validation().weatherName());
    v.put("from", t.validation().from().toString());
    v.put("to", t.validation().to().toString());
    ArrayNode seeds = v.putArray("seeds");
    t.seeds().forEach(seeds::add);
    ObjectNode baseline = v.putObject("baseline");
    baseline.put("trims", t.baselineCommissioned()
        ? "commissioned on the validation season, seed " + Commissioning.DEFAULT_SEED + ", "
            + Commissioning.DEFAULT_TARGET_KH + " K*h/zone"
        : "the evaluation scenario's, as shipped");
    ObjectNode trims = baseline.putObject("trim");
    t.validation().buildings().forEach(b -> {
      CurveTrim trim = t.validation().baseline().trim(b.id());
      trims.putObject(b.id()).put("shift_k", trim.shiftK()).put("slope", trim.slope());
    });
    ArrayNode trials = root.putArray("trials");
    for (Tuning.Trial trial : t.trials()) {
      ObjectNode n = trials.addObject();
      n.put("comfort_margin_k", trial.margin().baseK());
      n.put("margin_per_rmse", trial.margin().perRmse());
      n.put("occupied_share", trial.occupiedShare());
      stats(n.putObject("cost_ratio"), trial.costRatio());
      stats(n.putObject("energy_ratio"), trial.energyRatio());
      stats(n.putObject("tdis_occupied_excess_kh_per_zone"), trial.tdisExcessKh());
      stats(n.putObject("worst_building_excess_kh_per_zone"), trial.worstBuildingExcessKh());
      ArrayNode worst = n.putArray("worst_building_per_seed");
      trial.worstBuildings().forEach(worst::add);
      n.put("admissible", trial.admissible());
    }
    ObjectNode chosen = root.putObject("chosen");
    chosen.put("comfort_margin_k", t.chosen().margin().baseK());
    chosen.put("margin_per_rmse", t.chosen().margin().perRmse());
    chosen.put("occupied_share", t.chosen().occupiedShare());
    chosen.put("admissible", t.admissible());
    JSON.writeValue(file.toFile(), root);
  }

  private static void stats(ObjectNode n, DoubleSummaryStatistics s) {
    n.put("mean", s.getAverage());
    n.put("min", s.getMin());
    n.put("max", s.getMax());
  }
}
