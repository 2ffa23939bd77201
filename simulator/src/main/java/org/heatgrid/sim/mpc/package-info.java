/**
 * Preparing the MPC for a scenario as a site would: its history period is run under the baseline,
 * the building models and emitter curves are identified from the recorded telemetry, and the
 * hot-water forecast (profile or network) is trained on it ({@link org.heatgrid.sim.mpc.MpcSetup}).
 * Also the hot-water backtest of the command line.
 */
package org.heatgrid.sim.mpc;

