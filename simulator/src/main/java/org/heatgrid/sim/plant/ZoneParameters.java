package org.heatgrid.sim.plant;

/**
 * One thermal zone: an air node (air and furnishings) and a structure node, coupled to outdoors,
 * ground, each other and the radiators. Conductances in W/K, capacities in J/K.
 */
record ZoneParameters(
    double floorAreaM2,
    double cAir,
    double cMass,
    double hWindow,
    double hOpaque,
    double hGround,
    double hAirMass,
    double hVentOccupied,
    double hVentUnoccupied,
    double solarApertureM2,
    double radiatorK,
    double radiatorFlowKgS) {}
