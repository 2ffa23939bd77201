/**
 * Forecast error measures of ASHRAE Guideline 14 (CV(RMSE), NMBE) and MAE, as the backtest and
 * metrics.json report them.
 */
package org.heatgrid.forecast.metrics;
