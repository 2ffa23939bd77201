/**
 * The conventional controller heatgrid is measured against: a weather-compensated heating curve
 * per building with its occupancy schedule, night setback and a fixed morning boost. The same
 * curve is the edge gateway's local fallback and the control loop's fallback when optimisation
 * fails.
 */
package org.heatgrid.control.baseline;
