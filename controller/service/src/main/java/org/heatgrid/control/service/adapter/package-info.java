/**
 * The control service's adapters, framework-free so that tests (and the simulator) can build and
 * stop a whole control runtime without Quarkus: the site file, MQTT (Paho), InfluxDB
 * (influxdb-java) with a bounded buffer, files for the no-InfluxDB mode, and {@link
 * org.heatgrid.control.service.adapter.ControlRuntime} which wires them to the
 * {@link org.heatgrid.control.loop.ControlLoop} and drives it on its clock.
 */
package org.heatgrid.control.service.adapter;
