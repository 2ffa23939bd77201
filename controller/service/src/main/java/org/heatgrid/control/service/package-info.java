/**
 * The control service (Quarkus): configuration, start-up and shutdown of the control runtime, the
 * operators' state file and audit file, health and metrics. The framework-free runtime is in
 * {@code adapter}; the REST API in {@code api}.
 */
package org.heatgrid.control.service;

