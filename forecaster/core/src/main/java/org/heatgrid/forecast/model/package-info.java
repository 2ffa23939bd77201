/**
 * The forecaster contract: {@link org.heatgrid.forecast.model.Forecaster} fitted on history and
 * asked through a {@link org.heatgrid.forecast.model.ForecastInput} that hides the future.
 */
package org.heatgrid.forecast.model;
