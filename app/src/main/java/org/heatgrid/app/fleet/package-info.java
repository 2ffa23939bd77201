/**
 * {@code ./heatgrid fleet-bench}: a fleet of sites on one machine. Every site is a copy of the
 * scenario's campus on its own virtual plant ({@link org.heatgrid.app.fleet.SitePlant}), steered
 * by its own control runtime ({@code ControlRuntime}, the control service without its HTTP layer)
 * with its own MPC, through one reference edge gateway per building and one real Mosquitto
 * ({@link org.heatgrid.app.fleet.MosquittoLauncher}, fleet users and ACL of {@code
 * org.heatgrid.wire.BrokerUsers}). The plants and gateways run in a child JVM ({@link
 * org.heatgrid.app.fleet.FleetEdgeMain}, driven by {@link org.heatgrid.app.fleet.EdgeProcess}),
 * the control runtimes in the bench's own. What each gateway applied is kept in a ledger ({@link
 * org.heatgrid.app.fleet.SetpointLedger}), from which missed setpoints are counted; {@link
 * org.heatgrid.app.fleet.FleetReport} has the figures.
 */
package org.heatgrid.app.fleet;
