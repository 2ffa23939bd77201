/**
 * Per-building grey-box models for the MPC, identified from telemetry history.
 *
 * <p>{@link org.heatgrid.control.mpc.model.ThermalModel} is a first-order (1R1C) model of a
 * building's slow temperature at a fixed step, written as {@code T[k+1] = a T[k] + g u[k] + w[k]}
 * for the optimiser, with an air offset: the mean indoor air reads the state plus a share of the
 * step's heat and an occupied offset. {@link org.heatgrid.control.mpc.model.EmitterCurve} maps
 * planned heat to a supply temperature setpoint.
 * {@link org.heatgrid.control.mpc.model.ModelIdentifier} fits both from a
 * {@link org.heatgrid.control.mpc.model.BuildingHistory}: least squares, then output-error
 * refinement, scored on held-out days by 24-hour open-loop simulations.
 *
 * <p>Limits: one thermal state (no separate envelope or slab mass: the air's fast response enters
 * only as the instantaneous offset, the rest is blended into one time constant); gains are linear
 * in irradiance and a binary occupancy; the emitter curve ignores flow and return temperature.
 */
package org.heatgrid.control.mpc.model;

