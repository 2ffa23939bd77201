package org.heatgrid.sim.scenario;

/**
 * A scenario file was refused. The message names the file, the line where known, the key (as a
 * path such as {@code buildings[3].floor_area_m2}) and the reason.
 */
public final class ScenarioException extends IllegalArgumentException {

  private final String key;

  public ScenarioException(String message, String key, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The offending key as a path, e.g. {@code buildings[3].floor_area_m2}; empty for the file. */
  public String key() {
    return key;
  }
}
