/**
 * A site's recorded telemetry read back: from the service's line-protocol file, its InfluxDB
 * database or a CSV export, into one {@link org.heatgrid.learn.record.SiteRecord}; unusable lines
 * are rejected with their place and reason.
 */
package org.heatgrid.learn.record;
