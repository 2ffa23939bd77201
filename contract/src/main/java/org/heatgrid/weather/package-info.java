/**
 * Weather as the forecaster and the controllers see it: forecasts with an issue time, never the
 * true future. Shared by every module, so it lives at the bottom of the dependency chain.
 */
package org.heatgrid.weather;

