/**
 * The control service's models: which controller runs (the MPC from the site's active model
 * bundle, or the heating curve, and why), re-learning from the service's own record on a schedule
 * behind a gate, and activation or rollback by an administrator. Framework-free: the service wires
 * it; {@code api.ModelsResource} exposes it.
 */
package org.heatgrid.control.service.models;
