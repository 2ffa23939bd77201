package org.heatgrid.sim.plant;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.site.ComfortBand;

/**
 * One building's physics: two zones of two nodes each (air, structure) integrated with the
 * implicit Euler method, so the energy balance closes by construction and any step is stable;
 * radiators fed by the substation's secondary circuit; domestic hot water with priority on the
 * heat exchanger. Not thread-safe; one instance per building.
 */
final class BuildingModel {

  // Shares of each gain that reach the air node; the rest goes to the structure.
  private static final double RADIATOR_TO_AIR = 0.7;
  private static final double INTERNAL_TO_AIR = 0.6;
  private static final double SOLAR_TO_AIR = 0.3;
  private static final double PUMP_ON_MARGIN_K = 0.5;
  /**
   * Thermostatic radiator valves: fully open at or below {@code TRV_SET_C - TRV_BAND_K / 2},
   * closed at or above {@code TRV_SET_C + TRV_BAND_K / 2} (occupants' usual setting, 2 K band).
   */
  static final double TRV_SET_C = 22;
  static final double TRV_BAND_K = 2;
  /**
   * Occupants open windows above this air temperature, fully (extra air changes) 2 K above, as
   * adaptive-behaviour studies find the opening probability rising above about 24 C.
   */
  static final double WINDOW_OPEN_C = 23.5;
  static final double WINDOW_ACH = 4;
  /** Occupants draw blinds in a warm zone, halving its solar gains. */
  static final double BLINDS_C = 23;
  static final double BLINDS_TRANSMISSION = 0.5;
  /** Heat of the ideal source's second probe (its response is linear, any size will do). */
  private static final double IDEAL_PROBE_W = 1e5;
  private static final int IDEAL_SWEEPS = 100;
  private static final double IDEAL_TOLERANCE_W = 1e-3;

  final BuildingSpec spec;
  final ZoneParameters[] zones;
  final double interZoneW;
  final double capacityW;
  final DomesticHotWater dhw;
  final EnergyLedger ledger = new EnergyLedger();
  private final Disturbances disturbances;
  private final double[] air;
  private final double[] mass;
  private final double[] initialAir;
  private final double[] initialMass;
  private final double[] excessGuess;
  private final double[][] a;
  private final double[] b;
  private final double[] radiatorW;
  private final double[] ventW;
  private double solarInW;
  private final double[] probeCold;
  private final double[] probeWarm;
  private final double[] idealFloorC;
  // The ideal source's response of each zone's end temperature to each zone's heat, K/W.
  private final double[][] idealResponse;
  private double internalInW;

  /** Outputs of the last substep, read by the plant. */
  double lastSupplyC;
  double lastReturnC;
  double lastFlowKgS;
  double lastSpaceHeatW;
  double lastHotWaterW;

  BuildingModel(BuildingSpec spec, SplittableRandom random, double initialC) {
    this.spec = spec;
    this.zones = BuildingDesign.zones(spec);
    this.interZoneW = BuildingDesign.interZoneConductance(spec);
    double kw = Double.isNaN(spec.substationKw())
        ? BuildingDesign.substationKw(spec, zones) : spec.substationKw();
    this.capacityW = kw * 1000;
    this.dhw = spec.type().hasDomesticHotWater() ? new DomesticHotWater(spec) : null;
    this.disturbances = new Disturbances(random);
    int n = zones.length;
    air = new double[n];
    mass = new double[n];
    java.util.Arrays.fill(air, initialC);
    java.util.Arrays.fill(mass, initialC);
    initialAir = air.clone();
    initialMass = mass.clone();
    excessGuess = new double[n];
    a = new double[2 * n][2 * n];
    b = new double[2 * n];
    radiatorW = new double[n];
    ventW = new double[n];
    probeCold = new double[n];
    probeWarm = new double[n];
    idealFloorC = new double[n];
    idealResponse = new double[n][n];
  }

  double airC(int zone) {
    return air[zone];
  }

  /** Inputs of one substep that are the same for every building. */
  record Ambient(double outdoorC, double ghiWm2, double groundC, double primarySupplyC,
      long epochHour, int hourOfDay) {}

  /**
   * Advances by {@code dt} seconds.
   *
   * @param supplySetpointC secondary supply setpoint
   * @param heatLimitW limit on the substation's heat rate, W (may be infinite)
   * @param occupied whether the building is in use (gains, ventilation, hot water)
   */
  void step(double dt, Ambient env, double supplySetpointC, double heatLimitW, boolean occupied) {
    double hotWaterW = hotWaterW(env, occupied);
    double spaceLimitW = Math.max(0, Math.min(heatLimitW, capacityW - hotWaterW));
    double maxAir = maxAirC();
    double supply = Math.min(Math.min(supplySetpointC, spec.supplyMaxC()), env.primarySupplyC() - 5);
    boolean pumpOn = supply > maxAir + PUMP_ON_MARGIN_K;
    double heatW = pumpOn ? spaceHeatW(supply) : 0;
    if (pumpOn && heatW > spaceLimitW) {
      supply = supplyForHeat(spaceLimitW, maxAir, supply);
      heatW = spaceHeatW(supply);
    }
    double flow = 0;
    double returnMix = 0;
    java.util.Arrays.fill(radiatorW, 0);
    if (pumpOn) {
      for (int z = 0; z < zones.length; z++) {
        double f = zoneFlowKgS(z);
        if (f <= 0) {
          continue;
        }
        double x = Radiators.meanExcessK(zones[z].radiatorK(), f, supply, air[z], excessGuess[z]);
        excessGuess[z] = x;
        radiatorW[z] = Radiators.outputW(zones[z].radiatorK(), x);
        flow += f;
        returnMix += f * (supply - radiatorW[z] / (f * BuildingDesign.CP_WATER));
      }
    }
    double gainsWm2 = internalGainsWm2(env, occupied);
    integrate(dt, env, radiatorW, gainsWm2, occupied);
    double spaceW = 0;
    for (double w : radiatorW) {
      spaceW += w;
    }
    book(dt, spaceW, hotWaterW);
    lastFlowKgS = flow;
    lastSupplyC = pumpOn ? supply : maxAir;
    lastReturnC = pumpOn && flow > 0 ? returnMix / flow : lastSupplyC;
  }

  /**
   * Advances by {@code dt} seconds with an ideal heat source in place of substation and
   * radiators: in each zone exactly the heat that brings its air to {@code floorC} at the
   * substep's end (none where it would be warmer), as thermostatic valves with unlimited power
   * would, given between air and structure as radiators give it. It is the least heat that holds
   * every zone at the floor, so no controller that heats through the radiators can hold the band
   * with less; in one substep it may exceed what the substation can give.
   */
  void stepIdeal(double dt, Ambient env, double floorC, boolean occupied) {
    stepIdeal(dt, env, floorC, occupied, null, -1, null);
  }

  /**
   * As {@link #stepIdeal(double, Ambient, double, boolean)}, with each zone held at the floor
   * {@code plan} sets it at the substep's end where that is higher (a preheat).
   *
   * @param plan null for none
   * @param index this building's index in the plan
   * @param end the substep's end
   */
  void stepIdeal(double dt, Ambient env, double floorC, boolean occupied, PreheatPlan plan,
      int index, LocalDateTime end) {
    double hotWaterW = hotWaterW(env, occupied);
    double gainsWm2 = internalGainsWm2(env, occupied);
    int n = zones.length;
    // The end temperatures are affine in the zones' heat: one probe without heat and one per
    // zone give the response (zones are coupled through walls and air exchange).
    java.util.Arrays.fill(radiatorW, 0);
    double[] without = probeAirC(dt, env, gainsWm2, occupied, probeCold);
    for (int j = 0; j < n; j++) {
      java.util.Arrays.fill(radiatorW, 0);
      radiatorW[j] = IDEAL_PROBE_W;
      double[] with = probeAirC(dt, env, gainsWm2, occupied, probeWarm);
      for (int z = 0; z < n; z++) {
        idealResponse[z][j] = (with[z] - without[z]) / IDEAL_PROBE_W;
      }
    }
    for (int z = 0; z < n; z++) {
      idealFloorC[z] = plan == null ? floorC : Math.max(floorC, plan.floorC(index, z, end));
    }
    idealHeat(without, idealFloorC);
    integrate(dt, env, radiatorW, gainsWm2, occupied);
    double heatW = 0;
    for (double w : radiatorW) {
      heatW += w;
    }
    book(dt, heatW, hotWaterW);
    // No water circuit: its temperatures read as the warmest room, as with the pump off.
    double maxAir = maxAirC();
    lastFlowKgS = 0;
    lastSupplyC = maxAir;
    lastReturnC = maxAir;
  }

  /**
   * The least non-negative zone heats, into {@code radiatorW}, that bring every zone's end
   * temperature ({@code without} plus the response to the heats) to at least {@code floorC}: a
   * projected Gauss-Seidel iteration, which converges because heat warms its own zone more than
   * any other (the response is diagonally dominant with non-negative entries).
   */
  private void idealHeat(double[] without, double[] floorC) {
    int n = without.length;
    java.util.Arrays.fill(radiatorW, 0);
    for (int sweep = 0; sweep < IDEAL_SWEEPS; sweep++) {
      double change = 0;
      for (int z = 0; z < n; z++) {
        double end = without[z];
        for (int j = 0; j < n; j++) {
          end += idealResponse[z][j] * radiatorW[j];
        }
        double next = Math.max(0, radiatorW[z] + (floorC[z] - end) / idealResponse[z][z]);
        change = Math.max(change, Math.abs(next - radiatorW[z]));
        radiatorW[z] = next;
      }
      if (change < IDEAL_TOLERANCE_W) {
        return;
      }
    }
  }

  /** The zones' air temperatures at the substep's end with {@code radiatorW}, into {@code out}. */
  private double[] probeAirC(double dt, Ambient env, double gainsWm2, boolean occupied,
      double[] out) {
    assemble(dt, env, radiatorW, gainsWm2, occupied);
    LinearSystem.solveInPlace(a, b);
    for (int z = 0; z < out.length; z++) {
      out[z] = b[2 * z];
    }
    return out;
  }

  private double maxAirC() {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : air) {
      max = Math.max(max, t);
    }
    return max;
  }

  /** Internal gains of the substep, W/m2; draws the random hour and day factors when occupied. */
  private double internalGainsWm2(Ambient env, boolean occupied) {
    return occupied
        ? spec.type().gainsOccupiedWm2 * disturbances.gainFactor(env.epochHour())
        : spec.type().gainsUnoccupiedWm2;
  }

  /** Books the substep's heat in the ledger and as the last substep's outputs. */
  private void book(double dt, double spaceW, double hotWaterW) {
    ledger.spaceHeatingJ += spaceW * dt;
    ledger.hotWaterJ += hotWaterW * dt;
    lastSpaceHeatW = spaceW;
    lastHotWaterW = hotWaterW;
  }

  /** Flow through a zone's radiators as its thermostatic valves let it, kg/s. */
  private double zoneFlowKgS(int z) {
    double open = (TRV_SET_C + TRV_BAND_K / 2 - air[z]) / TRV_BAND_K;
    return zones[z].radiatorFlowKgS() * Math.max(0, Math.min(1, open));
  }

  /** Extra ventilation through windows that occupants open in a warm zone, W/K. */
  private double windowW(int z, boolean occupied) {
    if (!occupied || air[z] <= WINDOW_OPEN_C) {
      return 0;
    }
    double share = Math.min(1, (air[z] - WINDOW_OPEN_C) / 2);
    return share * WINDOW_ACH * 0.34 * zones[z].floorAreaM2() * BuildingDesign.STOREY_M;
  }

  /**
   * The floor the ideal source holds over the substep of {@code dtS} s starting at {@code t}: the
   * occupied floor also in the substep before opening, so that the zone is at it when the room
   * opens, and in the last occupied one; plus {@code marginK}.
   */
  double idealFloorC(LocalDateTime t, int dtS, HolidayCalendar holidays, double marginK) {
    ComfortBand band = spec.comfort();
    return (heldOccupied(t, dtS, holidays) ? band.occupiedLowC() : band.unoccupiedLowC()) + marginK;
  }

  /** Whether the occupied floor holds over the substep starting at t (see {@link #idealFloorC}). */
  boolean heldOccupied(LocalDateTime t, int dtS, HolidayCalendar holidays) {
    return spec.schedule().isOccupied(t, holidays)
        || spec.schedule().isOccupied(t.plusSeconds(dtS), holidays);
  }

  /** The hot water's expected heat rate, W: the draw without its random factor. */
  double expectedHotWaterW(Ambient env, boolean occupied) {
    return dhw == null || !occupied ? 0 : Math.min(capacityW, dhw.meanDrawW(env.hourOfDay(), env.groundC()));
  }

  /** Internal gains expected when occupied or not, W/m2: the random factors' mean is 1. */
  double expectedGainsWm2(boolean occupied) {
    return occupied ? spec.type().gainsOccupiedWm2 : spec.type().gainsUnoccupiedWm2;
  }

  private double hotWaterW(Ambient env, boolean occupied) {
    // The draw factor is taken every substep, used or not, to keep the random trace aligned.
    double factor = disturbances.drawFactor();
    if (dhw == null || !occupied) {
      return 0;
    }
    return Math.min(capacityW, dhw.meanDrawW(env.hourOfDay(), env.groundC()) * factor);
  }

  /** Radiator output of all zones at a supply temperature, W, without touching the guesses. */
  private double spaceHeatW(double supplyC) {
    double w = 0;
    for (int z = 0; z < zones.length; z++) {
      double x = Radiators.meanExcessK(zones[z].radiatorK(), zoneFlowKgS(z), supplyC, air[z],
          excessGuess[z]);
      w += Radiators.outputW(zones[z].radiatorK(), x);
    }
    return w;
  }

  /** The supply temperature at which the radiators give {@code targetW}: bisection. */
  private double supplyForHeat(double targetW, double lowC, double highC) {
    double lo = lowC;
    double hi = highC;
    for (int i = 0; i < 40 && hi - lo > 1e-4; i++) {
      double mid = (lo + hi) / 2;
      if (spaceHeatW(mid) > targetW) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return lo;
  }

  private void integrate(double dt, Ambient env, double[] radiatorW, double gainsWm2,
      boolean occupied) {
    assemble(dt, env, radiatorW, gainsWm2, occupied);
    LinearSystem.solveInPlace(a, b);
    commit(dt, env);
  }

  /** Builds the implicit-Euler system of one substep in {@code a} and {@code b}; no state changes. */
  private void assemble(double dt, Ambient env, double[] radiatorW, double gainsWm2,
      boolean occupied) {
    assemble(dt, env, radiatorW, gainsWm2, occupied, air, mass, false);
  }

  /**
   * Advances {@code state} (air and structure per zone, interleaved) by one substep with zone
   * heats {@code heatW} and gains {@code gainsWm2}, as {@link #step} would with windows shut and
   * blinds open: the building's linear part, for a plan (see {@code PreheatPlanner}). Draws no
   * random number and changes nothing of the building.
   */
  void advanceLinear(double dt, Ambient env, double[] heatW, double gainsWm2, boolean occupied,
      double[] state) {
    int n = zones.length;
    double[] airNow = new double[n];
    double[] massNow = new double[n];
    for (int z = 0; z < n; z++) {
      airNow[z] = state[2 * z];
      massNow[z] = state[2 * z + 1];
    }
    assemble(dt, env, heatW, gainsWm2, occupied, airNow, massNow, true);
    LinearSystem.solveInPlace(a, b);
    System.arraycopy(b, 0, state, 0, 2 * n);
  }

  /** The zones' air and structure temperatures now, interleaved (air of zone 0, its structure...). */
  double[] state() {
    double[] s = new double[2 * zones.length];
    for (int z = 0; z < zones.length; z++) {
      s[2 * z] = air[z];
      s[2 * z + 1] = mass[z];
    }
    return s;
  }

  /**
   * @param linear leave out the occupants' windows and blinds (their only non-linearity) and the
   *     bookkeeping of gains for the ledger
   */
  private void assemble(double dt, Ambient env, double[] radiatorW, double gainsWm2,
      boolean occupied, double[] air, double[] mass, boolean linear) {
    int n = zones.length;
    double to = env.outdoorC();
    double tg = env.groundC();
    for (double[] row : a) {
      java.util.Arrays.fill(row, 0);
    }
    if (!linear) {
      solarInW = 0;
      internalInW = 0;
    }
    for (int z = 0; z < n; z++) {
      ZoneParameters p = zones[z];
      int ia = 2 * z;
      int im = ia + 1;
      double vent = (occupied ? p.hVentOccupied() : p.hVentUnoccupied())
          + (linear ? 0 : windowW(z, occupied));
      double solar = env.ghiWm2() * p.solarApertureM2()
          * (!linear && occupied && air[z] > BLINDS_C ? BLINDS_TRANSMISSION : 1);
      double internal = gainsWm2 * p.floorAreaM2();
      if (!linear) {
        ventW[z] = vent;
        solarInW += solar;
        internalInW += internal;
      }
      a[ia][ia] = p.cAir() / dt + p.hWindow() + vent + p.hAirMass();
      a[ia][im] = -p.hAirMass();
      a[im][im] = p.cMass() / dt + p.hOpaque() + p.hGround() + p.hAirMass();
      a[im][ia] = -p.hAirMass();
      b[ia] = p.cAir() / dt * air[z] + (p.hWindow() + vent) * to
          + RADIATOR_TO_AIR * radiatorW[z] + INTERNAL_TO_AIR * internal + SOLAR_TO_AIR * solar;
      b[im] = p.cMass() / dt * mass[z] + p.hOpaque() * to + p.hGround() * tg
          + (1 - RADIATOR_TO_AIR) * radiatorW[z] + (1 - INTERNAL_TO_AIR) * internal
          + (1 - SOLAR_TO_AIR) * solar;
    }
    for (int z = 0; z + 1 < n; z++) {
      int i = 2 * z;
      int j = 2 * (z + 1);
      a[i][i] += interZoneW;
      a[j][j] += interZoneW;
      a[i][j] -= interZoneW;
      a[j][i] -= interZoneW;
    }
  }

  /** Takes the solved system's temperatures as the new state and books the substep's flows. */
  private void commit(double dt, Ambient env) {
    int n = zones.length;
    double to = env.outdoorC();
    double tg = env.groundC();
    double envelope = 0;
    double ventilation = 0;
    for (int z = 0; z < n; z++) {
      ZoneParameters p = zones[z];
      double ta = b[2 * z];
      double tm = b[2 * z + 1];
      double vent = ventW[z];
      envelope += p.hWindow() * (ta - to) + p.hOpaque() * (tm - to) + p.hGround() * (tm - tg);
      ventilation += vent * (ta - to);
      air[z] = ta;
      mass[z] = tm;
    }
    ledger.solarJ += solarInW * dt;
    ledger.internalJ += internalInW * dt;
    ledger.envelopeLossJ += envelope * dt;
    ledger.ventilationLossJ += ventilation * dt;
    // Storage is recomputed from the states, not summed, so the balance checks the solver.
    double stored = 0;
    for (int z = 0; z < n; z++) {
      stored += zones[z].cAir() * (air[z] - initialAir[z]) + zones[z].cMass() * (mass[z] - initialMass[z]);
    }
    ledger.storageChangeJ = stored;
  }
}
