package org.heatgrid.control.mpc;

import org.heatgrid.control.api.Telemetry;

/**
 * Space-heating heat from a gateway's secondary-circuit readings. The primary heat meter also
 * counts hot water, which the building model must not see as heat into the rooms.
 */
public final class SpaceHeat {

  /** Water: 1 m3/h carries 1.163 kW per K (1000 kg/m3 * 4.186 kJ/(kg K) / 3600 s). */
  public static final double KW_PER_M3H_K = 1.163;

  private SpaceHeat() {}

  /** Heat into the heating circuit, kW; NaN when a reading is missing. */
  public static double kw(Telemetry t) {
    double dT = t.secondarySupplyC() - t.secondaryReturnC();
    double q = t.secondaryFlowM3h() * Math.max(0, dT) * KW_PER_M3H_K;
    return Double.isFinite(q) ? q : Double.NaN;
  }

  /** Hot water and other heat the meter counts beyond the heating circuit, kW, at least 0. */
  public static double otherKw(Telemetry t) {
    double rest = t.heatKw() - kw(t);
    return Double.isFinite(rest) ? Math.max(0, rest) : Double.NaN;
  }
}
