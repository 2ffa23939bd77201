/**
 * Calendars: which days are public holidays. Schedules (occupancy) and forecast features both use
 * them, so the calendar lives at the bottom of the dependency chain.
 */
package org.heatgrid.calendar;

