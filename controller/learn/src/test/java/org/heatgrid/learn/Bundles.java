package org.heatgrid.learn;

import java.util.List;
import java.util.function.UnaryOperator;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.learn.bundle.ModelBundle;

/** Bundles made from a learnt one for tests: another version, other models, other buildings. */
public final class Bundles {

  private Bundles() {}

  /** {@code b} as version {@code version} with every building's thermal model changed by {@code f}. */
  public static ModelBundle withThermal(ModelBundle b, String version,
      UnaryOperator<ThermalModel> f) {
    Manifest m = b.manifest();
    List<Manifest.Building> buildings = m.buildings().stream()
        .map(x -> new Manifest.Building(x.id(), f.apply(x.thermal()), x.emitter(), x.zoneSpreadK(),
            x.training(), x.heldOut(), x.twoState(), x.twoStateHeldOut()))
        .toList();
    return new ModelBundle(new Manifest(m.format(), version, m.site(), m.created(), m.data(),
        buildings, m.hotWater(), m.forecaster(), m.warnings()), b.network());
  }

  /** {@code b} as version {@code version} with only the buildings {@code ids}, renamed in order. */
  public static ModelBundle withBuildingIds(ModelBundle b, String version, List<String> ids) {
    Manifest m = b.manifest();
    List<Manifest.Building> buildings = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Manifest.Building x = m.buildings().get(i);
      buildings.add(new Manifest.Building(ids.get(i), x.thermal(), x.emitter(), x.zoneSpreadK(),
          x.training(), x.heldOut(), x.twoState(), x.twoStateHeldOut()));
    }
    return new ModelBundle(new Manifest(m.format(), version, m.site(), m.created(), m.data(),
        buildings, m.hotWater(), m.forecaster(), m.warnings()), b.network());
  }

  /** A UA {@code factor} times the model's, the rest (C, gains) unchanged. */
  public static UnaryOperator<ThermalModel> uaTimes(double factor) {
    return t -> new ThermalModel(t.stepHours(), t.uaKwPerK() * factor, t.capacityKwhPerK(),
        t.solarKwPerWm2(), t.gainsOccupiedKw(), t.gainsBaseKw(), t.airPerKw(), t.occupiedAirK());
  }
}
