package org.heatgrid.app;

import java.util.Optional;

/**
 * Hands what {@link RunMain} prepared before Quarkus started to the beans Quarkus builds
 * ({@link RunHooks}, {@link LiveSavings}, {@link LiveRun}). Set once per process.
 */
final class RunContext {

  private static volatile RunSetup setup;

  private RunContext() {}

  static void set(RunSetup s) {
    setup = s;
  }

  /** The run's setup; empty when the application was started without {@link RunMain}. */
  static Optional<RunSetup> get() {
    return Optional.ofNullable(setup);
  }
}
