package org.heatgrid.sim.run;

/** Told how far a run has come; called from the simulation thread. */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (done, total) -> {};

  /** {@code done} of {@code total} control steps are simulated. */
  void progress(long done, long total);
}
