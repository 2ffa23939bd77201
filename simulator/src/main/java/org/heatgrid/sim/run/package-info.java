/**
 * Running a scenario: the closed loop of plant, gateways' telemetry, weather forecasts and a
 * controller, step by step on simulated time, recorded for KPIs and outputs.
 */
package org.heatgrid.sim.run;
