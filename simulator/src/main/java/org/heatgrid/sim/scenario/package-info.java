/**
 * Scenario files: one JSON (or YAML) file holds seed, period, control step, buildings, weather,
 * forecast error, tariff, and controller with its parameters. {@link
 * org.heatgrid.sim.scenario.ScenarioLoader} reads and checks a file and refuses bad input with the
 * file, line and key; {@link org.heatgrid.sim.scenario.Scenario} is the checked result.
 * The format is documented in simulator/SCENARIOS.md.
 */
package org.heatgrid.sim.scenario;
