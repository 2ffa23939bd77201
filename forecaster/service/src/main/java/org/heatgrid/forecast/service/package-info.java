/**
 * The forecast service (Quarkus): serves day-ahead heat forecasts from a stored model over REST,
 * reloads a new model without a restart, and answers errors as RFC 9457 problem details.
 */
package org.heatgrid.forecast.service;

