/**
 * The controller contract: once per control period a controller receives an {@link
 * org.heatgrid.control.api.Observation} (telemetry as edge gateways report it, a weather forecast,
 * the time) and returns a {@link org.heatgrid.control.api.Decision} (per building a secondary
 * supply temperature setpoint and an optional heat-rate limit).
 *
 * <p>The contract carries measurements only. A controller cannot reach a plant's parameters or
 * its future: this module does not depend on the simulator at all, and an architecture test in
 * the simulator guards that controllers stay away from the plant's package.
 */
package org.heatgrid.control.api;

