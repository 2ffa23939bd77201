/**
 * The virtual plant: buildings with two thermal zones of two capacitances each, radiators with a
 * nonlinear characteristic, district-heating substations with capacity limits and domestic hot
 * water, and the sensors that a gateway reads. Only {@link org.heatgrid.sim.plant.Plant}, the
 * building description and the ledgers are public; the physics is package-private, so nothing
 * outside (least of all a controller) can read the plant's parameters or states.
 */
package org.heatgrid.sim.plant;
