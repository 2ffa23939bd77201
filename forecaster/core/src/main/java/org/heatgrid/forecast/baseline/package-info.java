/**
 * Reference forecasters reported beside the network, as the evaluation protocol asks:
 * {@link org.heatgrid.forecast.baseline.NaiveYesterday} (same step yesterday),
 * {@link org.heatgrid.forecast.baseline.Towt} (time-of-week-and-temperature regression, the
 * measurement-and-verification standard) and {@link org.heatgrid.forecast.baseline.Arx} (TOWT plus
 * recent heat). A network that does not beat ARX clearly is not worth its cost.
 */
package org.heatgrid.forecast.baseline;
