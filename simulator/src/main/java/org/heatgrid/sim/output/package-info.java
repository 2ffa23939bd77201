/**
 * What a run leaves behind: kpis.json, timeseries.csv, report.html and the KPI table on the
 * console. Formats are documented in simulator/README.md.
 */
package org.heatgrid.sim.output;
