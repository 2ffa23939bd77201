/**
 * The model store: versioned folders holding the network, its feature specification and
 * normalisation, the training period, metrics and the hash of the training data.
 */
package org.heatgrid.forecast.store;
