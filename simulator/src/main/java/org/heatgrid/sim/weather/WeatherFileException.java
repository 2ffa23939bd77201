package org.heatgrid.sim.weather;

/**
 * A weather file is missing or malformed. Unchecked because a bad weather file is a configuration
 * error the run cannot recover from; the message names the file, and where it applies the line
 * (1-based), the field (1-based, with its meaning) and the reason, so the user can fix the file.
 */
public class WeatherFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public WeatherFileException(String message) {
    super(message);
  }

  public WeatherFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
