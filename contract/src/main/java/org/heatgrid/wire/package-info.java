/**
 * The MQTT wire format, contract version 1 (docs/mqtt-contract.md): the topic tree ({@link
 * org.heatgrid.wire.Topics}), the setpoint, telemetry and status messages, and the codec that
 * checks every payload against the published JSON Schemas ({@link org.heatgrid.wire.PayloadCodec}).
 * Plain Java and Jackson; no MQTT client.
 */
package org.heatgrid.wire;

