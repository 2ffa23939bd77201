package org.heatgrid.fallback;

/**
 * A radiator heating curve: the supply temperature at which a constant-flow radiator circuit,
 * designed for {@code designSupplyC}/{@code designReturnC} at {@code designOutdoorC} and room
 * {@code designRoomC}, delivers the load that the outdoor temperature calls for.
 *
 * <p>With load ratio {@code phi = (room - outdoor) / (designRoom - designOutdoor)} and radiator
 * exponent {@code n}, the curve is {@code supply = room + dTm * phi^(1/n) + dTdrop/2 * phi}, where
 * {@code dTm} is the design mean excess temperature and {@code dTdrop} the design supply-return
 * drop (EN 442 characteristic with the arithmetic mean excess).
 */
public record HeatingCurve(
    double designOutdoorC,
    double designSupplyC,
    double designReturnC,
    double designRoomC,
    double exponent) {

  /** 70/50 C radiators at Daejeon's -11 C heating design temperature (ASHRAE 99.6 %: -10.7 C). */
  public static final HeatingCurve RADIATORS_70_50 = new HeatingCurve(-11, 70, 50, 20, 1.3);

  public HeatingCurve {
    if (!(designSupplyC > designReturnC) || !(designReturnC > designRoomC)
        || !(designRoomC > designOutdoorC) || !(exponent >= 1 && exponent <= 2)) {
      throw new IllegalArgumentException("heating curve needs supply > return > room > outdoor and "
          + "exponent in [1, 2]: " + this);
    }
  }

  /**
   * Supply temperature for a room target and an outdoor temperature, C. Returns {@code roomC}
   * (no heat) when the outdoor temperature is at or above the room target.
   */
  public double supplyC(double roomC, double outdoorC) {
    return supplyC(roomC, outdoorC, 1);
  }

  /**
   * The curve with its slope scaled: {@code slope} multiplies the supply temperature's excess
   * over the room target (a commissioning engineer's "steeper/flatter" setting).
   */
  public double supplyC(double roomC, double outdoorC, double slope) {
    double phi = (roomC - outdoorC) / (designRoomC - designOutdoorC);
    if (phi <= 0) {
      return roomC;
    }
    double meanExcess = (designSupplyC + designReturnC) / 2 - designRoomC;
    double drop = designSupplyC - designReturnC;
    return roomC + slope * (meanExcess * Math.pow(phi, 1 / exponent) + drop / 2 * phi);
  }
}
