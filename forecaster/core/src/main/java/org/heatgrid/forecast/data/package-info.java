/** Metered heat and weather on a fixed time grid, and the meter CSV format that carries them. */
package org.heatgrid.forecast.data;
