package org.heatgrid.control.mpc.model;

/**
 * The outcome of {@link ModelIdentifier#identifyTwoState}: one building's two-state model with its
 * fit on the training days and its prediction error on the held-out days, scored as the one-state
 * model's are so that the two can be compared.
 */
public record IdentifiedTwoState(
    String buildingId, TwoStateModel model, FitQuality training, FitQuality heldOut) {}
