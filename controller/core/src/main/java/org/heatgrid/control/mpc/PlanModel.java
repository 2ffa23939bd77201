package org.heatgrid.control.mpc;

import java.util.Objects;
import org.heatgrid.control.mpc.model.EmitterCurve;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.ThermalModel;

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
 */
public record PlanModel(String buildingId, ThermalModel thermal, EmitterCurve emitter,
    double zoneSpreadK, FitQuality heldOut) {

  public PlanModel {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(thermal, "thermal");
    Objects.requireNonNull(emitter, "emitter");
    if (!(zoneSpreadK >= 0) || Double.isInfinite(zoneSpreadK)) {
      throw new IllegalArgumentException("building " + buildingId + ": zone spread must be finite and >= 0: "
          + zoneSpreadK);
    }
  }
}
