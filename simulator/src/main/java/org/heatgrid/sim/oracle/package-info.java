/**
 * The oracle: the same MPC with perfect knowledge (the plant's true state, the true weather and the
 * true hot-water draws). It bounds what a controller with real sensors and forecasts can save, and
 * is the only class given the plant's truth ({@link org.heatgrid.sim.run.TruthObserver}).
 */
package org.heatgrid.sim.oracle;

