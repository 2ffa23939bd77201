/**
 * Simulated time: one clock that starts at a given instant and runs faster than the wall clock,
 * optionally held until released, for the control loop, the gateways and {@code ./heatgrid run}.
 */
package org.heatgrid.time;

