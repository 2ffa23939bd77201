/**
 * {@code ./heatgrid run}: the whole system in one process on simulated time. An embedded MQTT
 * broker with the contract's users and ACL ({@link org.heatgrid.app.BrokerAcl}), one reference
 * edge gateway per building driving the simulator's plant ({@link org.heatgrid.app.LivePlant}), and
 * the control service with its operator API; the savings against the baseline replayed on the same
 * trace are printed as the run goes ({@link org.heatgrid.app.RunningSavings}).
 */
package org.heatgrid.app;

