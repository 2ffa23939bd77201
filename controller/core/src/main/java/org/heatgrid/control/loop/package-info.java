/**
 * The control loop: one class ({@link org.heatgrid.control.loop.ControlLoop}) that the control
 * service runs on the wall clock and the simulator's closed loop runs on simulated time. Each
 * control period it takes the latest accepted telemetry from a {@link
 * org.heatgrid.control.loop.TelemetryInbox}, asks the {@link org.heatgrid.control.api.Controller},
 * applies the operator's modes and overrides ({@link org.heatgrid.control.loop.OperatorState}),
 * publishes one setpoint per building through a {@link org.heatgrid.control.loop.SetpointOutbox}
 * and records what happened in a {@link org.heatgrid.control.loop.Recorder}.
 *
 * <p>Framework-free: MQTT, InfluxDB and HTTP are adapters outside this package. Time comes only
 * from the instants passed in (the caller reads its injected {@link java.time.Clock}).
 */
package org.heatgrid.control.loop;
