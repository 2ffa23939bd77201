/**
 * The MPC's forecast of the load it does not steer (hot water), served by the Deeplearning4j
 * forecaster: {@link org.heatgrid.forecast.load.NetworkLoadForecast} implements the contract's
 * {@link org.heatgrid.control.api.LoadForecast}, so that the controller sees only that interface and
 * never the network. {@link org.heatgrid.forecast.load.HourlyLoad} turns per-period telemetry into
 * the forecaster's hourly series.
 */
package org.heatgrid.forecast.load;

