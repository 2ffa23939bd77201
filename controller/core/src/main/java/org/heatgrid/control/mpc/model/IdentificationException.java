package org.heatgrid.control.mpc.model;

/**
 * Thrown when a building's history cannot give a physically plausible model: too few usable
 * readings, no excitation, or least squares landing outside {@code 0 < a < 1, UA > 0}. The message
 * starts with the building id and states the reason.
 */
public final class IdentificationException extends RuntimeException {

  private final String buildingId;

  public IdentificationException(String buildingId, String reason) {
    super("building " + buildingId + ": " + reason);
    this.buildingId = buildingId;
  }

  public String buildingId() {
    return buildingId;
  }
}
