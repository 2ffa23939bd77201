package org.heatgrid.control.baseline;

import java.util.Map;
import java.util.Objects;
import org.heatgrid.fallback.HeatingCurve;

/**
 * Settings of the baseline heating-curve controller.
 *
 * @param curve the radiator heating curve of the installations
 * @param occupiedTargetC room temperature the curve aims at while occupied
 * @param setbackTargetC room temperature the curve aims at at night and on closed days
 * @param boostHours length of the morning boost before occupancy starts
 * @param boostSupplyK supply temperature added on top of the occupied curve during the boost
 * @param outdoorDampingHours time constant of the first-order filter on the outdoor sensor
 * @param trims per building id, the commissioned trim of its curve (absent: no trim)
 */
public record BaselineSettings(
    HeatingCurve curve,
    double occupiedTargetC,
    double setbackTargetC,
    double boostHours,
    double boostSupplyK,
    double outdoorDampingHours,
    Map<String, CurveTrim> trims) {

  public static final BaselineSettings DEFAULTS =
      new BaselineSettings(HeatingCurve.RADIATORS_70_50, 21, 17, 2, 15, 3, Map.of());

  public BaselineSettings {
    Objects.requireNonNull(curve, "curve");
    trims = Map.copyOf(trims);
    if (setbackTargetC > occupiedTargetC) {
      throw new IllegalArgumentException("setback target above occupied target: "
          + setbackTargetC + " > " + occupiedTargetC);
    }
    if (boostHours < 0 || boostSupplyK < 0 || outdoorDampingHours < 0) {
      throw new IllegalArgumentException("boost hours, boost supply and damping must be >= 0");
    }
  }

  /** The commissioned trim of a building's curve, {@link CurveTrim#NONE} when none was set. */
  public CurveTrim trim(String buildingId) {
    return trims.getOrDefault(buildingId, CurveTrim.NONE);
  }

  public BaselineSettings withTrims(Map<String, CurveTrim> newTrims) {
    return new BaselineSettings(curve, occupiedTargetC, setbackTargetC, boostHours, boostSupplyK,
        outdoorDampingHours, newTrims);
  }
}
