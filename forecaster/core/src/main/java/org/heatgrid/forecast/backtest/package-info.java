/**
 * The day-ahead backtest of docs/design.md, section "Forecast evaluation protocol": train once
 * before the test period, forecast each test day at local midnight through a
 * {@link org.heatgrid.forecast.model.ForecastInput} that hides the day's heat, score per building.
 */
package org.heatgrid.forecast.backtest;

