/**
 * Weather for the simulator: the true hourly weather of a typical year read from an EnergyPlus
 * EPW file ({@link org.heatgrid.sim.weather.EpwReader}, {@link org.heatgrid.sim.weather.EpwYear}),
 * and forecasts of it whose error grows with lead time
 * ({@link org.heatgrid.sim.weather.ForecastGenerator}). Controllers only ever see the forecasts;
 * the truth drives the building models.
 */
package org.heatgrid.sim.weather;
