package org.heatgrid.control.mpc.model;

/**
 * A first-order (1R1C) building model at a fixed step with an air offset: the state {@code T} (C)
 * is the building's slow temperature, and
 *
 * <pre>
 *   T[k+1] = a T[k] + (1 - a) (To[k] + (u[k] + solar ghi[k] + gainsOccupied occ[k] + gainsBase) / UA)
 * </pre>
 *
 * with {@code a = exp(-dt UA / C)}. {@code u} is the space-heating heat delivered (kW, mean over
 * step k), {@code To} the outdoor temperature (C), {@code ghi} the global horizontal irradiance
 * (W/m2) and {@code occ} 1 when the building is occupied. The inputs are held constant over a step,
 * so the discretisation is exact for step-wise constant inputs. The indoor air reads
 *
 * <pre>
 *   air[k] = T[k+1] + airPerKw u[k] + occupiedAirK occ[k]
 * </pre>
 *
 * at the end of step k: radiators warm the air within minutes while the structure lags, and
 * ventilation cools it as soon as the building opens. A model with {@code airPerKw = 0} and
 * {@code occupiedAirK = 0} is the plain first-order model whose state is the air.
 *
 * @param stepHours step {@code dt}, hours
 * @param uaKwPerK heat-loss coefficient {@code UA = 1/R}, kW/K
 * @param capacityKwhPerK thermal capacity {@code C}, kWh/K
 * @param solarKwPerWm2 heat gained per W/m2 of irradiance, kW/(W/m2) (an effective aperture, m2/1000)
 * @param gainsOccupiedKw internal gains while occupied (people, equipment), kW
 * @param gainsBaseKw internal gains at all times, kW
 * @param airPerKw how far the air runs above the state per kW of heat, K/kW (>= 0)
 * @param occupiedAirK how far the air runs above the state while occupied, K (ventilation makes
 *     it negative)
 */
public record ThermalModel(
    double stepHours,
    double uaKwPerK,
    double capacityKwhPerK,
    double solarKwPerWm2,
    double gainsOccupiedKw,
    double gainsBaseKw,
    double airPerKw,
    double occupiedAirK) {

  /** A model without air offset: its state is the air temperature. */
  public ThermalModel(double stepHours, double uaKwPerK, double capacityKwhPerK,
      double solarKwPerWm2, double gainsOccupiedKw, double gainsBaseKw) {
    this(stepHours, uaKwPerK, capacityKwhPerK, solarKwPerWm2, gainsOccupiedKw, gainsBaseKw, 0, 0);
  }

  /** Throws {@link IllegalArgumentException} naming the first invalid field. */
  public ThermalModel {
    requirePositive("stepHours", stepHours);
    requirePositive("uaKwPerK", uaKwPerK);
    requirePositive("capacityKwhPerK", capacityKwhPerK);
    requireFinite("solarKwPerWm2", solarKwPerWm2);
    requireFinite("gainsOccupiedKw", gainsOccupiedKw);
    requireFinite("gainsBaseKw", gainsBaseKw);
    requireFinite("airPerKw", airPerKw);
    if (airPerKw < 0) {
      throw new IllegalArgumentException("airPerKw must be >= 0: " + airPerKw);
    }
    requireFinite("occupiedAirK", occupiedAirK);
  }

  /** Air temperature minus state at the end of a step with {@code heatKw}, K. */
  public double airOffsetK(double heatKw, boolean occupied) {
    // A model without the heat term needs no heat reading.
    return (airPerKw == 0 ? 0 : airPerKw * heatKw) + (occupied ? occupiedAirK : 0);
  }

  /**
   * The heat that holds the air at {@code airC} in steady state (may be negative: the free gains
   * alone hold it higher).
   */
  public double steadyHeatKw(double airC, double outdoorC, double ghiWm2, boolean occupied) {
    double gains = solarKwPerWm2 * ghiWm2 + (occupied ? gainsOccupiedKw : 0) + gainsBaseKw;
    double offset = occupied ? occupiedAirK : 0;
    // T = air - airPerKw u - offset and UA (T - To) = u + gains.
    return (uaKwPerK * (airC - offset - outdoorC) - gains) / (1 + uaKwPerK * airPerKw);
  }

  /** Decay factor of one step, {@code exp(-dt UA / C)}, in (0, 1). */
  public double a() {
    return Math.exp(-stepHours * uaKwPerK / capacityKwhPerK);
  }

  /** Temperature rise per kW of heat over one step, {@code g = (1 - a) / UA}, K/kW. */
  public double heatGainKPerKw() {
    return (1 - a()) / uaKwPerK;
  }

  /**
   * The part of the next temperature that neither the state nor the heat decides: {@code w} such
   * that {@code T[k+1] = a T[k] + g u[k] + w}. The MPC builds its prediction from {@code a}, {@code
   * g} and one {@code w} per step of the weather and occupancy forecast.
   */
  public double freeDrive(double outdoorC, double ghiWm2, boolean occupied) {
    double freeGainsKw =
        solarKwPerWm2 * ghiWm2 + (occupied ? gainsOccupiedKw : 0) + gainsBaseKw;
    return (1 - a()) * (outdoorC + freeGainsKw / uaKwPerK);
  }

  /** Indoor temperature at the end of a step that starts at {@code t} with {@code heatKw}. */
  public double next(double t, double heatKw, double outdoorC, double ghiWm2, boolean occupied) {
    return a() * t + heatGainKPerKw() * heatKw + freeDrive(outdoorC, ghiWm2, occupied);
  }

  /** The same building (UA, C, gains) discretised at another step. */
  public ThermalModel withStep(double stepHours) {
    return new ThermalModel(stepHours, uaKwPerK, capacityKwhPerK, solarKwPerWm2, gainsOccupiedKw,
        gainsBaseKw, airPerKw, occupiedAirK);
  }

  /** Time constant {@code C / UA}, hours. */
  public double timeConstantHours() {
    return capacityKwhPerK / uaKwPerK;
  }

  /** Shared with {@link TwoStateModel}: names the field and the value. */
  static void requirePositive(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be positive and finite: " + value);
    }
  }

  static void requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite: " + value);
    }
  }
}
