/**
 * What a run leaves behind besides its report: kpis.json, timeseries.csv and the KPI table on the
 * console (report.html is {@code sim.report}'s). Formats are documented in simulator/README.md.
 */
package org.heatgrid.sim.output;

