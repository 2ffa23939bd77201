/**
 * What an operator knows about a site and tells its controller: buildings with their floor area,
 * occupancy schedules, comfort bands and substation capacity. No thermal parameters: those a
 * controller has to learn from telemetry.
 */
package org.heatgrid.site;

