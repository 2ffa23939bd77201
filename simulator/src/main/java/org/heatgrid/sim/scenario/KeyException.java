package org.heatgrid.sim.scenario;

/** A check failed on one key; the loader adds file and line. */
final class KeyException extends RuntimeException {

  final String key;

  KeyException(String key, String reason) {
    super(reason);
    this.key = key;
  }
}
