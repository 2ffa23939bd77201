/**
 * The Deeplearning4j heat-demand forecaster: one global multilayer perceptron for all buildings
 * of a site, with per-building identity, that maps recent load, the same hours a week earlier,
 * daily means, the forecast-day weather and calendar features to the next day's steps.
 */
package org.heatgrid.forecast.nn;
