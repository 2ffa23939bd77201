package org.heatgrid.learn.bundle;

import java.util.List;
import java.util.Map;
import org.heatgrid.control.mpc.model.EmitterCurve;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.control.mpc.model.TwoStateModel;

/**
 * What a bundle is, as {@code bundle.json} holds it: where its data came from, every building's
 * identified model with its fit, the hot-water profile and the forecaster with its backtest.
 *
 * @param format {@link #FORMAT}
 * @param version the store's folder name, e.g. {@code v0003}
 * @param site the site's name (a bundle is refused by another site)
 * @param created ISO-8601 instant of learning
 * @param data the record learnt from
 * @param buildings per building, in site order, the models and their fit
 * @param hotWater the uncontrolled load's profile (the network's cold-start fallback)
 * @param forecaster the hot-water network, or kind {@code profile} when none was trained
 * @param warnings what the learning noticed but did not refuse (rejected lines, no irradiance)
 */
public record Manifest(String format, String version, String site, String created, Data data,
    List<Building> buildings, Profile hotWater, Forecaster forecaster, List<String> warnings) {

  public static final String FORMAT = "heatgrid.bundle/1";

  /**
   * @param source file or database
   * @param from first local day
   * @param to last local day
   * @param days calendar days
   * @param usableDays days with the required coverage
   * @param readings telemetry readings accepted
   * @param rejected lines or rows not used
   * @param sha256 SHA-256 of the accepted readings
   */
  public record Data(String source, String from, String to, int days, int usableDays,
      long readings, long rejected, String sha256) {}

  /**
   * @param id building id
   * @param thermal the identified thermal model
   * @param emitter heat against supply temperature
   * @param zoneSpreadK the coldest zone's gap below the mean while occupied (a high quantile), K
   * @param training fit on the training days
   * @param heldOut fit on the held-out days
   * @param twoState the two-state (air and structure) model the MPC plans with, or null (bundles
   *     before 2026-12-06, or a building whose two-state fit failed): then it plans with thermal
   * @param twoStateHeldOut the two-state model's fit on the same held-out days, or null
   */
  public record Building(String id, ThermalModel thermal, EmitterCurve emitter, double zoneSpreadK,
      FitQuality training, FitQuality heldOut, TwoStateModel twoState, FitQuality twoStateHeldOut) {

    /** A building planned with its first-order model. */
    public Building(String id, ThermalModel thermal, EmitterCurve emitter, double zoneSpreadK,
        FitQuality training, FitQuality heldOut) {
      this(id, thermal, emitter, zoneSpreadK, training, heldOut, null, null);
    }

    /** The held-out fit of the model the MPC plans with: what the re-learning gate compares. */
    public FitQuality plannedHeldOut() {
      return twoState != null && twoStateHeldOut != null ? twoStateHeldOut : heldOut;
    }
  }

  /** @param meanKw per building (site order), day type and slot, kW */
  public record Profile(int slotMinutes, double[][][] meanKw) {}

  /**
   * @param kind {@code network} or {@code profile}
   * @param buildings the network's buildings (those with enough hot-water load)
   * @param strideHours hours between the network's issues
   * @param backtest the day-ahead backtest on the record's last days: per forecaster its errors
   * @param backend the ND4J backend it was trained on
   */
  public record Forecaster(String kind, List<String> buildings, int strideHours,
      Map<String, Object> backtest, String backend) {}

  /**
   * The mean held-out 24-hour RMSE over buildings of the models the MPC plans with, K: the figure
   * the re-learning gate compares.
   */
  public double meanHeldOutRmseK() {
    return buildings.stream().mapToDouble(b -> b.plannedHeldOut().horizonRmseK())
        .filter(Double::isFinite)
        .average().orElse(Double.NaN);
  }

  Manifest withVersion(String v) {
    return new Manifest(format, v, site, created, data, buildings, hotWater, forecaster, warnings);
  }
}
