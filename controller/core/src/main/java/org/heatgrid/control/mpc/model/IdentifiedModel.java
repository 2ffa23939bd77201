package org.heatgrid.control.mpc.model;

/**
 * The outcome of {@link ModelIdentifier#identify}: one building's thermal model and emitter
 * characteristic, with the fit on the training days and the prediction error on the held-out days
 * ({@link FitQuality#samples()} is 0 and the errors NaN when no day was held out).
 */
public record IdentifiedModel(
    String buildingId,
    ThermalModel model,
    FitQuality training,
    FitQuality heldOut,
    EmitterCurve emitter) {}
