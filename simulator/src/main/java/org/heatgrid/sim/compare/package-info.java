/**
 * Comparing controllers on one scenario, weather, seed and forecast errors: each controller's KPIs
 * and their ratios to the baseline's on the same trace ({@link org.heatgrid.sim.compare.Comparison}),
 * written as {@code compare.json}.
 */
package org.heatgrid.sim.compare;

