package org.heatgrid.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A weather forecast as a controller receives it: values at {@code issuedAt + k * step} for
 * {@code k = 0 .. size()-1}; index 0 is the present (an observation, without forecast error).
 *
 * <p>Arrays are copied in and out, so an instance can be shared between threads and controllers.
 *
 * @param issuedAt when the forecast was made (also the time of index 0)
 * @param step spacing of the values, positive
 * @param outdoorC dry-bulb temperature, C
 * @param ghiWm2 global horizontal irradiance, W/m2 (mean over the step that starts at the index)
 */
public record WeatherForecast(Instant issuedAt, Duration step, double[] outdoorC, double[] ghiWm2) {

  public WeatherForecast {
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(step, "step");
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    if (outdoorC.length == 0 || outdoorC.length != ghiWm2.length) {
      throw new IllegalArgumentException(
          "outdoorC and ghiWm2 must be non-empty and of equal length: "
              + outdoorC.length + " and " + ghiWm2.length);
    }
    outdoorC = outdoorC.clone();
    ghiWm2 = ghiWm2.clone();
  }

  /** Number of values, including index 0. */
  public int size() {
    return outdoorC.length;
  }

  /** Forecast outdoor temperature at index {@code k}, C. */
  public double outdoorC(int k) {
    return outdoorC[k];
  }

  /** Forecast global horizontal irradiance at index {@code k}, W/m2. */
  public double ghiWm2(int k) {
    return ghiWm2[k];
  }

  @Override
  public double[] outdoorC() {
    return outdoorC.clone();
  }

  @Override
  public double[] ghiWm2() {
    return ghiWm2.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeatherForecast f
        && issuedAt.equals(f.issuedAt)
        && step.equals(f.step)
        && Arrays.equals(outdoorC, f.outdoorC)
        && Arrays.equals(ghiWm2, f.ghiWm2);
  }

  @Override
  public int hashCode() {
    return Objects.hash(issuedAt, step, Arrays.hashCode(outdoorC), Arrays.hashCode(ghiWm2));
  }

  @Override
  public String toString() {
    return "WeatherForecast[" + issuedAt + ", step " + step + ", " + size() + " values]";
  }
}
