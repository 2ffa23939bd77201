/**
 * KPIs compatible with BOPTEST's definitions: thermal discomfort, energy, cost (usage and basic
 * charge apart), peak, computation time; each a documented function in {@link
 * org.heatgrid.sim.kpi.Kpis}, each also as a ratio to a reference run.
 */
package org.heatgrid.sim.kpi;
