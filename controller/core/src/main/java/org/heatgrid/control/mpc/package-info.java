/**
 * Model predictive control of a cluster ({@link org.heatgrid.control.mpc.MpcController}): every
 * control period it plans each building's heat over the horizon against the tariff, the weather
 * forecast and the forecast of the load it does not steer (the contract's {@link
 * org.heatgrid.control.api.LoadForecast}), with models identified from telemetry ({@code model}) and
 * its structured solver ({@code solver}). It falls back to the heating curve when planning fails.
 */
package org.heatgrid.control.mpc;

