/**
 * The controllers the command line and the comparison can run, by name ({@code baseline}, {@code
 * mpc}, {@code oracle}, {@code ideal}), each configured from the scenario. Kept apart from {@code
 * sim.run}, which runs any controller, so that the run does not depend on the controllers built on
 * top of it (the MPC's preparation and the oracle run scenarios themselves).
 */
package org.heatgrid.sim.controllers;

