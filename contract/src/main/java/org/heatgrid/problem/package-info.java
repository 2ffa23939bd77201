/**
 * The error body of every heatgrid HTTP service (RFC 9457 problem details) and the one list of
 * problem types they use, so that a client handles the control service's and the forecast
 * service's errors alike.
 */
package org.heatgrid.problem;

