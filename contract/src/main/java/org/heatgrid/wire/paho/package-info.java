/**
 * What every Eclipse Paho (MQTT 5) user of the contract does alike, the gateway and the control
 * service: how a setpoint is published (retained, QoS 1, message expiry from its validity), the
 * sockets without Nagle's delay, and closing a replaced client without blocking. Paho is an
 * optional dependency of the contract: a module that uses this package declares it.
 */
package org.heatgrid.wire.paho;

