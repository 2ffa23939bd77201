/**
 * The run report: one self-contained HTML page per simulation run ({@code report.html}) with the
 * KPI table, the cluster's heat rate and outdoor temperature, the daily usage cost and one small
 * chart per building of its indoor temperature against its comfort band.
 *
 * <p>Everything is inline (CSS, SVG drawn here in Java, no scripts or fonts), so the page opens
 * with no network and prints as seen. Long series are downsampled to the plot's resolution keeping
 * each bucket's minimum and maximum, which keeps a season of 16 buildings well under 1.5 MB and
 * keeps short peaks visible. The drawing ({@link org.heatgrid.sim.report.HtmlReport}, {@link
 * org.heatgrid.sim.report.SvgChart}) depends on nothing but the JDK and a {@link
 * org.heatgrid.sim.report.ReportData}; {@link org.heatgrid.sim.report.RunReport} and {@link
 * org.heatgrid.sim.report.CompareReport} fill it from a run or a comparison.
 */
package org.heatgrid.sim.report;

