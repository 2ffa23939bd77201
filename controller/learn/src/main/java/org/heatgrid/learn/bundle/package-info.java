/**
 * Model bundles: the manifest ({@code bundle.json}), the loaded bundle that builds the MPC's models
 * and load forecast, and the versioned store with checksums and the active version.
 */
package org.heatgrid.learn.bundle;
