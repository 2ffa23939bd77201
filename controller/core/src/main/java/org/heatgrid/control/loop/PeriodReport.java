package org.heatgrid.control.loop;

import java.time.Instant;

/**
 * The figures of one control period.
 *
 * @param at when the period was run
 * @param controller the controller's name
 * @param decideSeconds wall-clock time the controller took to decide, s
 * @param controllerFailed true when the controller threw and the heating curve took over
 * @param failure the controller's failure, {@code null} when none
 * @param telemetryBuildings buildings with recent telemetry in the observation
 * @param curveBuildings buildings that got the baseline heating curve instead of the
 *     controller's command (controller failure, missing or invalid command)
 * @param published setpoints handed to the outbox
 * @param publishFailures setpoints the outbox refused
 */
public record PeriodReport(Instant at, String controller, double decideSeconds,
    boolean controllerFailed, String failure, int telemetryBuildings, int curveBuildings,
    int published, int publishFailures) {}
