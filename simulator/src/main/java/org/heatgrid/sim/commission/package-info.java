/**
 * Commissioning of the baseline: per building, the heating-curve trim (slope and parallel shift)
 * that meets occupied-hour comfort with the least heat, found by simulation as a commissioning
 * engineer would find it by trial over a winter.
 */
package org.heatgrid.sim.commission;
