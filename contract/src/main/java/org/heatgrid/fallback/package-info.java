/**
 * The gateways' local fallback: the plain radiator heating curve a gateway runs on its own outdoor
 * sensor when it holds no valid setpoint ({@link org.heatgrid.fallback.LocalFallback}), and the
 * curve itself ({@link org.heatgrid.fallback.HeatingCurve}). Part of the contract, since every
 * gateway must behave so and the control loop uses the same curve when planning fails.
 */
package org.heatgrid.fallback;

