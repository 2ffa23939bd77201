package org.heatgrid.sim.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;

/**
 * Comfort building by building: a cluster mean over zones can hide one building that a controller
 * leaves cold, so savings count at equal comfort only where no building is worse off than under
 * the baseline.
 */
public final class BuildingComfort {

  private BuildingComfort() {}

  /**
   * Per building id, its occupied-hour discomfort under {@code controller} minus its own under
   * {@code baseline}, K*h per zone (positive: worse than the baseline).
   */
  public static Map<String, Double> occupiedExcess(KpiReport controller, KpiReport baseline) {
    Map<String, Double> out = new LinkedHashMap<>();
    controller.buildings().forEach((id, k) -> {
      KpiSet b = baseline.buildings().get(id);
      out.put(id, k.tdisOccupiedKhPerZone() - b.tdisOccupiedKhPerZone());
    });
    return out;
  }

  /** The largest {@link #occupiedExcess} over the buildings, K*h per zone. */
  public static double worstExcess(KpiReport controller, KpiReport baseline) {
    return occupiedExcess(controller, baseline).values().stream().mapToDouble(Double::doubleValue)
        .max().orElse(0);
  }

  /** The building with the largest {@link #occupiedExcess}. */
  public static String worstBuilding(KpiReport controller, KpiReport baseline) {
    return occupiedExcess(controller, baseline).entrySet().stream()
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
  }
}
