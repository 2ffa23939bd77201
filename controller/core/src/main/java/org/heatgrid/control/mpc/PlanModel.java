package org.heatgrid.control.mpc;

import java.util.Objects;
import org.heatgrid.control.mpc.model.EmitterCurve;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.control.mpc.model.TwoStateModel;

/**
 * What the MPC knows of one building, all of it identified from telemetry history.
 *
 * @param buildingId building id
 * @param thermal the first-order model of the mean indoor temperature
 * @param emitter heat against supply temperature, to turn planned heat into a setpoint
 * @param zoneSpreadK how far the coldest zone sat below the building's mean while occupied in the
 *     history (a high percentile): reported with the model; the controller measures the coldest
 *     zone directly
 * @param heldOut the thermal model's fit on held-out days
 * @param twoState the two-state (air and structure) model, or null: when present the MPC plans
 *     with it and the first-order model only sizes the occupied minimum
 * @param twoStateHeldOut the two-state model's fit on the same held-out days (null with it)
 */
public record PlanModel(String buildingId, ThermalModel thermal, EmitterCurve emitter,
    double zoneSpreadK, FitQuality heldOut, TwoStateModel twoState, FitQuality twoStateHeldOut) {

  /** A building planned with its first-order model. */
  public PlanModel(String buildingId, ThermalModel thermal, EmitterCurve emitter,
      double zoneSpreadK, FitQuality heldOut) {
    this(buildingId, thermal, emitter, zoneSpreadK, heldOut, null, null);
  }

  public PlanModel {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(thermal, "thermal");
    Objects.requireNonNull(emitter, "emitter");
    if (!(zoneSpreadK >= 0) || Double.isInfinite(zoneSpreadK)) {
      throw new IllegalArgumentException("building " + buildingId + ": zone spread must be finite and >= 0: "
          + zoneSpreadK);
    }
  }

  /** The held-out fit of the model the MPC plans with. */
  public FitQuality plannedHeldOut() {
    return twoState == null ? heldOut : twoStateHeldOut;
  }

  /** This building planned with a two-state model as well. */
  public PlanModel withTwoState(TwoStateModel model, FitQuality modelHeldOut) {
    return new PlanModel(buildingId, thermal, emitter, zoneSpreadK, heldOut,
        Objects.requireNonNull(model, "model"), modelHeldOut);
  }
}
