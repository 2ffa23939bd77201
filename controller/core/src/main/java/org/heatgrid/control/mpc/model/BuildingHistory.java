package org.heatgrid.control.mpc.model;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One building's telemetry at a fixed step, as identification reads it. Step {@code k} starts at
 * {@code stepStart[k]}; the heat, outdoor temperature, irradiance, occupancy and water temperatures
 * are means over that step, while {@code indoorC[k]} is the reading at the <em>end</em> of step
 * {@code k} (so {@code indoorC[k - 1]} is the state at its start).
 *
 * <p>NaN marks a missing reading; identification skips every transition that touches one.
 * Infinite values are rejected. The arrays are copied on construction; the accessors return the
 * copies held, which callers must not modify.
 *
 * @param stepHours step length, hours; {@code stepStart} must advance by exactly this much
 * @param heatKw space-heating heat delivered, kW
 * @param indoorC mean indoor air temperature at the end of the step, C
 * @param outdoorC outdoor air temperature, C
 * @param ghiWm2 global horizontal irradiance, W/m2
 * @param occupied whether the building was occupied
 * @param supplyC secondary supply temperature, C
 * @param returnC secondary return temperature, C
 */
public record BuildingHistory(
    String buildingId,
    double stepHours,
    LocalDateTime[] stepStart,
    double[] heatKw,
    double[] indoorC,
    double[] outdoorC,
    double[] ghiWm2,
    boolean[] occupied,
    double[] supplyC,
    double[] returnC) {

  /** Throws {@link IllegalArgumentException} naming the building and the offending field. */
  public BuildingHistory {
    if (buildingId == null || buildingId.isBlank()) {
      throw new IllegalArgumentException("buildingId must not be blank");
    }
    String where = "building " + buildingId + ": ";
    if (!(stepHours > 0) || !Double.isFinite(stepHours)) {
      throw new IllegalArgumentException(where + "stepHours must be positive: " + stepHours);
    }
    if (stepStart == null) {
      throw new IllegalArgumentException(where + "stepStart must not be null");
    }
    int n = stepStart.length;
    heatKw = copyOf(where, "heatKw", heatKw, n);
    indoorC = copyOf(where, "indoorC", indoorC, n);
    outdoorC = copyOf(where, "outdoorC", outdoorC, n);
    ghiWm2 = copyOf(where, "ghiWm2", ghiWm2, n);
    supplyC = copyOf(where, "supplyC", supplyC, n);
    returnC = copyOf(where, "returnC", returnC, n);
    if (occupied == null || occupied.length != n) {
      throw lengthMismatch(where, "occupied", occupied == null ? -1 : occupied.length, n);
    }
    occupied = occupied.clone();
    stepStart = stepStart.clone();
    requireRegularSteps(where, stepStart, stepHours);
  }

  /** Number of steps. */
  public int size() {
    return stepStart.length;
  }

  private static double[] copyOf(String where, String field, double[] values, int n) {
    if (values == null || values.length != n) {
      throw lengthMismatch(where, field, values == null ? -1 : values.length, n);
    }
    for (int k = 0; k < n; k++) {
      if (Double.isInfinite(values[k])) {
        throw new IllegalArgumentException(
            where + field + "[" + k + "] is infinite (use NaN for a missing reading)");
      }
    }
    return values.clone();
  }

  private static IllegalArgumentException lengthMismatch(
      String where, String field, int length, int expected) {
    String got = length < 0 ? "is null" : "has " + length + " entries";
    return new IllegalArgumentException(
        where + field + " " + got + " but stepStart has " + expected);
  }

  private static void requireRegularSteps(
      String where, LocalDateTime[] stepStart, double stepHours) {
    long stepSeconds = Math.round(stepHours * 3600);
    for (int k = 0; k < stepStart.length; k++) {
      if (stepStart[k] == null) {
        throw new IllegalArgumentException(where + "stepStart[" + k + "] is null");
      }
      if (k > 0 && Duration.between(stepStart[k - 1], stepStart[k]).getSeconds() != stepSeconds) {
        throw new IllegalArgumentException(where + "stepStart must advance by stepHours ("
            + stepHours + " h): " + stepStart[k - 1] + " -> " + stepStart[k]);
      }
    }
  }
}
