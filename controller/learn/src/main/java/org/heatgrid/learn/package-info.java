/**
 * Learning a site's model bundle from its own record: {@link org.heatgrid.learn.RecordSource}
 * reads it, {@link org.heatgrid.learn.HistoryCheck} says whether it suffices and what is missing,
 * {@link org.heatgrid.learn.Learner} identifies the buildings and trains the hot-water forecaster,
 * {@link org.heatgrid.learn.BundleGate} decides whether a new bundle may replace the running one.
 * Framework-free: the control service and {@code heatgrid learn} both call it.
 */
package org.heatgrid.learn;
