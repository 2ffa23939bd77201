/**
 * Frozen tuning: the MPC's settings chosen on a validation season (the history's weather and
 * period under new seeds), never on the evaluation trace ({@link org.heatgrid.sim.tune.Tuning}),
 * written as {@code tune.json}.
 */
package org.heatgrid.sim.tune;
