package org.heatgrid.control.api;

import java.util.Objects;

/**
 * One building's telemetry for one control period, as its edge gateway reports it: means over the
 * period from the substation's heat meter and sensors, and the indoor sensors' last readings.
 * Readings carry sensor noise and resolution; nothing here is a plant state.
 *
 * @param buildingId building identifier
 * @param heatKw heat meter (primary side, space heating and hot water), mean over the period
 * @param primarySupplyC district-network supply temperature at the meter
 * @param primaryReturnC primary return temperature at the meter
 * @param primaryFlowM3h primary flow
 * @param secondarySupplyC heating-circuit supply temperature
 * @param secondaryReturnC heating-circuit return temperature
 * @param secondaryFlowM3h heating-circuit flow
 * @param zoneTempsC indoor temperature sensors, one per zone
 * @param outdoorC the substation's outdoor temperature sensor
 * @param localFallback true when the gateway ran its own heating curve during the period
 */
public record Telemetry(
    String buildingId,
    double heatKw,
    double primarySupplyC,
    double primaryReturnC,
    double primaryFlowM3h,
    double secondarySupplyC,
    double secondaryReturnC,
    double secondaryFlowM3h,
    double[] zoneTempsC,
    double outdoorC,
    boolean localFallback) {

  public Telemetry {
    Objects.requireNonNull(buildingId, "buildingId");
    zoneTempsC = zoneTempsC.clone();
  }

  @Override
  public double[] zoneTempsC() {
    return zoneTempsC.clone();
  }

  /** Indoor sensor {@code i}, C. */
  public double zoneTempC(int i) {
    return zoneTempsC[i];
  }

  public int zones() {
    return zoneTempsC.length;
  }

  /** The coldest indoor sensor, C (NaN when there is none or a reading is NaN). */
  public double coldestZoneC() {
    double min = Double.POSITIVE_INFINITY;
    for (double t : zoneTempsC) {
      min = Math.min(min, t);
    }
    return Double.isFinite(min) ? min : Double.NaN;
  }

  /** Water: 1 m3/h carries 1.163 kW per K (1000 kg/m3 * 4.186 kJ/(kg K) / 3600 s). */
  public static final double KW_PER_M3H_K = 1.163;

  /**
   * Space-heating heat into the heating circuit from the secondary readings, kW; NaN when a
   * reading is missing. The primary meter also counts hot water, which a building model must not
   * see as heat into the rooms.
   */
  public double spaceHeatKw() {
    double dT = secondarySupplyC - secondaryReturnC;
    double q = secondaryFlowM3h * Math.max(0, dT) * KW_PER_M3H_K;
    return Double.isFinite(q) ? q : Double.NaN;
  }

  /** Hot water and other heat the meter counts beyond the heating circuit, kW, at least 0. */
  public double otherHeatKw() {
    double rest = heatKw - spaceHeatKw();
    return Double.isFinite(rest) ? Math.max(0, rest) : Double.NaN;
  }

  /** Mean of the indoor sensors, C. */
  public double meanIndoorC() {
    double s = 0;
    for (double t : zoneTempsC) {
      s += t;
    }
    return s / zoneTempsC.length;
  }
}
