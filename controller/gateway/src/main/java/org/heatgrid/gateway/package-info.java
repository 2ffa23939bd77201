/**
 * The MQTT contract between the controller and the buildings' edge gateways, and a reference
 * gateway (Eclipse Paho, MQTT 5).
 *
 * <ul>
 *   <li>{@link org.heatgrid.wire.Topics}: the topic tree {@code heatgrid/v1/{site}/{building}/...}.
 *   <li>{@link org.heatgrid.wire.SetpointMessage}, {@link org.heatgrid.wire.TelemetryMessage},
 *       {@link org.heatgrid.wire.StatusMessage}: the payloads; {@link
 *       org.heatgrid.wire.PayloadCodec} turns them into JSON and back and checks them against the
 *       published JSON Schemas ({@code schemas/v1/*.schema.json} on the class path).
 *   <li>{@link org.heatgrid.gateway.EdgeGateway}: subscribes to its building's setpoint, applies
 *       valid setpoints to a {@link org.heatgrid.gateway.Substation}, falls back to the local
 *       heating curve when it holds none, publishes telemetry and status.
 *   <li>{@link org.heatgrid.wire.paho.SetpointPublisher}: how a controller publishes a setpoint
 *       (retained, QoS 1, message expiry).
 * </ul>
 *
 * <p>The human-readable contract is {@code docs/mqtt-contract.md}.
 */
package org.heatgrid.gateway;

