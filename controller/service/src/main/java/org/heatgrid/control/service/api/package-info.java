/**
 * The operator API (REST, OpenAPI at /q/openapi): cluster status, buildings with their plans,
 * overrides that expire, modes, comfort bands and schedules, the audit log; every error as RFC 9457
 * problem details ({@link org.heatgrid.problem.Problem}).
 */
package org.heatgrid.control.service.api;

