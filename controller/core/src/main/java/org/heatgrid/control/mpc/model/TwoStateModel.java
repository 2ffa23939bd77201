package org.heatgrid.control.mpc.model;

/**
 * A two-state (3R2C) building model: room air (with furnishings) and structure, each with its
 * capacity, the air losing heat to outdoors directly (windows, ventilation) and through the
 * structure:
 *
 * <pre>
 *   Ca dTa/dt = Hao (To - Ta) + Ham (Tm - Ta) + u + solar ghi + gainsOccupied occ + gainsBase
 *   Cm dTm/dt = Ham (Ta - Tm) + Hmo (To - Tm)
 * </pre>
 *
 * Radiators, sun and occupants heat the air; the structure stores what the air gives it. Unlike
 * {@link ThermalModel}, whose air follows the heat at once, the air here has its own time constant
 * (tens of minutes) and the structure its own (days), so a plan can see how quickly the air falls
 * when heat stops and how much heat the structure holds for the hours after. Inputs are held
 * constant over a step; the discretisation ({@code x[k+1] = A x[k] + b u[k] + ...}) is exact for
 * them. Occupied ventilation appears as negative occupied gains.
 *
 * @param stepHours step {@code dt}, hours
 * @param airToOutdoorKwPerK {@code Hao}, kW/K
 * @param airToMassKwPerK {@code Ham}, kW/K
 * @param massToOutdoorKwPerK {@code Hmo}, kW/K
 * @param airCapacityKwhPerK {@code Ca}, kWh/K
 * @param massCapacityKwhPerK {@code Cm}, kWh/K
 * @param solarKwPerWm2 heat gained per W/m2 of irradiance, kW/(W/m2)
 * @param gainsOccupiedKw gains while occupied (people, equipment, less ventilation), kW
 * @param gainsBaseKw gains at all times, kW
 */
public record TwoStateModel(
    double stepHours,
    double airToOutdoorKwPerK,
    double airToMassKwPerK,
    double massToOutdoorKwPerK,
    double airCapacityKwhPerK,
    double massCapacityKwhPerK,
    double solarKwPerWm2,
    double gainsOccupiedKw,
    double gainsBaseKw) {

  /** Throws {@link IllegalArgumentException} naming the first invalid field. */
  public TwoStateModel {
    ThermalModel.requirePositive("stepHours", stepHours);
    ThermalModel.requirePositive("airToOutdoorKwPerK", airToOutdoorKwPerK);
    ThermalModel.requirePositive("airToMassKwPerK", airToMassKwPerK);
    ThermalModel.requirePositive("massToOutdoorKwPerK", massToOutdoorKwPerK);
    ThermalModel.requirePositive("airCapacityKwhPerK", airCapacityKwhPerK);
    ThermalModel.requirePositive("massCapacityKwhPerK", massCapacityKwhPerK);
    ThermalModel.requireFinite("solarKwPerWm2", solarKwPerWm2);
    ThermalModel.requireFinite("gainsOccupiedKw", gainsOccupiedKw);
    ThermalModel.requireFinite("gainsBaseKw", gainsBaseKw);
  }

  /** Steady-state loss of the building, air to outdoors, kW/K: Hao + Ham Hmo / (Ham + Hmo). */
  public double uaKwPerK() {
    return airToOutdoorKwPerK
        + airToMassKwPerK * massToOutdoorKwPerK / (airToMassKwPerK + massToOutdoorKwPerK);
  }

  /** The step's transition, computed once per call: see {@link Discrete}. */
  public Discrete discrete() {
    double ca = airCapacityKwhPerK;
    double cm = massCapacityKwhPerK;
    double[][] f = {
        {-(airToOutdoorKwPerK + airToMassKwPerK) / ca, airToMassKwPerK / ca},
        {airToMassKwPerK / cm, -(airToMassKwPerK + massToOutdoorKwPerK) / cm}};
    double[][] a = Matrix2.exp(f, stepHours);
    // b = F^-1 (A - I) g for a step-wise constant input entering through g.
    double[][] integral = Matrix2.multiply(Matrix2.inverse(f), Matrix2.minusIdentity(a));
    double[] heat = Matrix2.apply(integral, new double[] {1 / ca, 0});
    double[] outdoor = Matrix2.apply(integral,
        new double[] {airToOutdoorKwPerK / ca, massToOutdoorKwPerK / cm});
    return new Discrete(a[0][0], a[0][1], a[1][0], a[1][1], heat[0], heat[1], outdoor[0],
        outdoor[1]);
  }

  /** Heat into the air other than the radiators', kW. */
  public double freeGainsKw(double ghiWm2, boolean occupied) {
    return solarKwPerWm2 * ghiWm2 + (occupied ? gainsOccupiedKw : 0) + gainsBaseKw;
  }

  /**
   * The structure's temperature when the air has stood at {@code airC} and outdoors at {@code
   * outdoorC} long enough: where the structure settles between the two.
   */
  public double steadyMassC(double airC, double outdoorC) {
    return (airToMassKwPerK * airC + massToOutdoorKwPerK * outdoorC)
        / (airToMassKwPerK + massToOutdoorKwPerK);
  }

  /**
   * One step of the structure driven by a known air temperature: how the structure's state is
   * estimated from the air readings alone (the structure has no sensor).
   */
  public double massFollowingAir(double massC, double airC, double outdoorC) {
    double h = airToMassKwPerK + massToOutdoorKwPerK;
    double decay = Math.exp(-stepHours * h / massCapacityKwhPerK);
    return decay * massC + (1 - decay) * steadyMassC(airC, outdoorC);
  }

  /** The same building at another step. */
  public TwoStateModel withStep(double hours) {
    return new TwoStateModel(hours, airToOutdoorKwPerK, airToMassKwPerK, massToOutdoorKwPerK,
        airCapacityKwhPerK, massCapacityKwhPerK, solarKwPerWm2, gainsOccupiedKw, gainsBaseKw);
  }

  /**
   * The exact step of the model: {@code air' = aa air + am mass + heatToAir (u + gains) +
   * outdoorToAir To} and {@code mass' = ma air + mm mass + heatToMass (u + gains) + outdoorToMass
   * To}.
   */
  public record Discrete(double aa, double am, double ma, double mm, double heatToAir,
      double heatToMass, double outdoorToAir, double outdoorToMass) {

    /** Air at the end of the step. */
    public double nextAir(double air, double mass, double heatKw, double outdoorC) {
      return aa * air + am * mass + heatToAir * heatKw + outdoorToAir * outdoorC;
    }

    /** Structure at the end of the step. */
    public double nextMass(double air, double mass, double heatKw, double outdoorC) {
      return ma * air + mm * mass + heatToMass * heatKw + outdoorToMass * outdoorC;
    }
  }
}
