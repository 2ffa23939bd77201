package org.heatgrid.sim.plant;

/**
 * Derives a building's thermal parameters from its description: a rectangular block (aspect 2:1,
 * long facades south and north, 3.6 m storeys) split into a south and a north zone.
 *
 * <p>Sources of the constants: ISO 13790 (air-structure coupling 9.1 W/m2K on 3 m2 of surface per
 * m2 floor in series with 3.45 W/m2K on 4.5 m2/m2, about 10 W/K per m2 floor); glazing g = 0.6,
 * frame 0.75 and shading 0.8 factors; winter ratios of vertical to horizontal irradiation at 36 N
 * (south 1.3, east/west 0.55, north 0.25); 0.34 Wh/(m3 K) for air; radiators EN 442, 70/50/20 C
 * design with exponent 1.3 at -11 C outdoor.
 */
final class BuildingDesign {

  static final double STOREY_M = 3.6;
  static final double ASPECT = 2.0;
  static final double DESIGN_OUTDOOR_C = -11;
  static final double DESIGN_ROOM_C = 20;
  static final double DESIGN_GROUND_C = 5;
  static final double RADIATOR_EXPONENT = 1.3;
  static final double DESIGN_MEAN_EXCESS_K = 40; // (70 + 50) / 2 - 20
  static final double DESIGN_DROP_K = 20;
  static final double CP_WATER = 4186; // J/(kg K)
  private static final double AIR_FURNISHING_J_PER_M2K = 15_000;
  private static final double AIR_MASS_W_PER_M2K = 10;
  private static final double PARTITION_U = 2.0;
  private static final double THERMAL_BRIDGE_W_PER_M2K = 0.05;
  private static final double SOLAR_FACTOR = 0.6 * 0.75 * 0.8;
  private static final double AIR_WH_PER_M3K = 0.34;

  private BuildingDesign() {}

  /** The two zones (south, north) of a building. */
  static ZoneParameters[] zones(BuildingSpec s) {
    Construction c = Construction.of(s.builtYear());
    double footprint = s.floorAreaM2() / s.floors();
    double width = Math.sqrt(footprint / ASPECT);
    double length = ASPECT * width;
    double height = s.floors() * STOREY_M;
    double zoneArea = s.floorAreaM2() / 2;
    double zoneVolume = zoneArea * STOREY_M;
    double wwr = s.type().windowToWall;
    // Each zone owns one long facade and half of each short one.
    double facade = (length + width) * height;
    double windows = wwr * facade;
    double opaqueWall = facade - windows;
    double roof = footprint / 2;
    double ground = footprint / 2;
    double bridges = THERMAL_BRIDGE_W_PER_M2K * (facade + roof + ground);
    double hWindow = c.uWindow() * windows;
    double hOpaque = c.uWall() * opaqueWall + c.uRoof() * roof + bridges;
    double hGround = 0.5 * c.uFloor() * ground;
    BuildingType t = s.type();
    double hVentOcc = AIR_WH_PER_M3K * zoneVolume
        * (t.ventilationOccupiedAch * (1 - t.heatRecovery) + c.infiltrationAch());
    double hVentUnocc = AIR_WH_PER_M3K * zoneVolume
        * (t.ventilationUnoccupiedAch * (1 - t.heatRecovery) + c.infiltrationAch());
    double designLoad = (hWindow + hOpaque + hVentOcc) * (DESIGN_ROOM_C - DESIGN_OUTDOOR_C)
        + hGround * (DESIGN_ROOM_C - DESIGN_GROUND_C);
    double radiatorNominal = designLoad * s.radiatorOversize();
    double k = radiatorNominal / Math.pow(DESIGN_MEAN_EXCESS_K, RADIATOR_EXPONENT);
    double flow = radiatorNominal / (CP_WATER * DESIGN_DROP_K);
    double winLong = wwr * length * height;
    double winShort = wwr * width * height; // half of each of two short facades
    double south = SOLAR_FACTOR * (1.3 * winLong + 0.55 * winShort);
    double north = SOLAR_FACTOR * (0.25 * winLong + 0.55 * winShort);
    double cAir = AIR_FURNISHING_J_PER_M2K * zoneArea;
    double cMass = t.massKjPerM2K * 1000 * zoneArea;
    double hAirMass = AIR_MASS_W_PER_M2K * zoneArea;
    return new ZoneParameters[] {
      new ZoneParameters(zoneArea, cAir, cMass, hWindow, hOpaque, hGround, hAirMass, hVentOcc,
          hVentUnocc, south, k, flow),
      new ZoneParameters(zoneArea, cAir, cMass, hWindow, hOpaque, hGround, hAirMass, hVentOcc,
          hVentUnocc, north, k, flow)
    };
  }

  /** Conductance between the two zones' air nodes: the partition along the long axis, W/K. */
  static double interZoneConductance(BuildingSpec s) {
    double footprint = s.floorAreaM2() / s.floors();
    double length = ASPECT * Math.sqrt(footprint / ASPECT);
    return PARTITION_U * length * s.floors() * STOREY_M;
  }

  /** Installed radiator output at design conditions, kW. */
  static double radiatorDesignKw(ZoneParameters[] zones) {
    double w = 0;
    for (ZoneParameters z : zones) {
      w += z.radiatorK() * Math.pow(DESIGN_MEAN_EXCESS_K, RADIATOR_EXPONENT);
    }
    return w / 1000;
  }

  /** Substation capacity when the scenario gives none: radiators plus hot water, 10 % margin, in 50 kW. */
  static double substationKw(BuildingSpec s, ZoneParameters[] zones) {
    double kw = 1.1 * (radiatorDesignKw(zones) + DomesticHotWater.designPeakKw(s));
    return Math.ceil(kw / 50) * 50;
  }
}
