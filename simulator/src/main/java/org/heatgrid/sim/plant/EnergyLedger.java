package org.heatgrid.sim.plant;

/**
 * Cumulative energy terms of one building since the start of a run, in kWh. Heat supplied plus
 * solar and internal gains equals envelope and ventilation losses, hot water drawn and the change
 * of stored heat; {@link #imbalanceKwh()} is what is left over (numerical error).
 */
public final class EnergyLedger {

  private static final double J_PER_KWH = 3.6e6;
  double spaceHeatingJ;
  double hotWaterJ;
  double solarJ;
  double internalJ;
  double envelopeLossJ;
  double ventilationLossJ;
  double storageChangeJ;

  public double spaceHeatingKwh() {
    return spaceHeatingJ / J_PER_KWH;
  }

  public double hotWaterKwh() {
    return hotWaterJ / J_PER_KWH;
  }

  /** Space heating plus hot water: what the substation delivered. */
  public double heatSuppliedKwh() {
    return (spaceHeatingJ + hotWaterJ) / J_PER_KWH;
  }

  public double solarKwh() {
    return solarJ / J_PER_KWH;
  }

  public double internalKwh() {
    return internalJ / J_PER_KWH;
  }

  public double envelopeLossKwh() {
    return envelopeLossJ / J_PER_KWH;
  }

  public double ventilationLossKwh() {
    return ventilationLossJ / J_PER_KWH;
  }

  public double storageChangeKwh() {
    return storageChangeJ / J_PER_KWH;
  }

  /** Heat in (supplied, solar, internal) minus heat out (losses, hot water) minus storage change. */
  public double imbalanceKwh() {
    return (spaceHeatingJ + hotWaterJ + solarJ + internalJ - envelopeLossJ - ventilationLossJ
        - hotWaterJ - storageChangeJ) / J_PER_KWH;
  }
}
