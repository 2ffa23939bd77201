package org.heatgrid.learn.bundle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.heatgrid.control.api.LoadForecast;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.forecast.load.HotWaterProfile;
import org.heatgrid.forecast.load.NetworkLoadForecast;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.site.Site;

/**
 * A site's learnt models: what the MPC needs to run (per building a {@link PlanModel}, and the
 * forecast of the load it does not steer), with the manifest that says where they came from.
 *
 * @param network the hot-water network, or null when the profile alone forecasts
 */
public record ModelBundle(Manifest manifest, NetworkForecaster network) {

  public ModelBundle {
    Objects.requireNonNull(manifest, "manifest");
  }

  public String version() {
    return manifest.version();
  }

  /** The MPC's building models, by building id (with the two-state model where learnt). */
  public Map<String, PlanModel> planModels() {
    Map<String, PlanModel> out = new LinkedHashMap<>();
    for (Manifest.Building b : manifest.buildings()) {
      PlanModel pm = new PlanModel(b.id(), b.thermal(), b.emitter(), b.zoneSpreadK(), b.heldOut());
      out.put(b.id(), b.twoState() == null ? pm : pm.withTwoState(b.twoState(), b.twoStateHeldOut()));
    }
    return out;
  }

  /** The hot-water profile on {@code site}'s holidays. */
  public HotWaterProfile profile(Site site) {
    return HotWaterProfile.of(manifest.hotWater().meanKw(), manifest.hotWater().slotMinutes(),
        site.holidays());
  }

  /**
   * The forecast of the load the MPC does not steer: the network, with the profile answering until
   * the network has a week of the site's telemetry (cold start) or for buildings it leaves out.
   */
  public LoadForecast loadForecast(Site site) {
    HotWaterProfile profile = profile(site);
    return network == null ? profile
        : new NetworkLoadForecast(network, manifest.forecaster().strideHours(), profile);
  }

  /**
   * @throws BundleException when the bundle is of another site or its buildings differ
   */
  public void requireFits(Site site) {
    if (!manifest.site().equals(site.name())) {
      throw new BundleException("bundle " + version() + " was learnt for site '"
          + manifest.site() + "', not '" + site.name() + "'");
    }
    var ids = site.buildings().stream().map(b -> b.id()).toList();
    var have = manifest.buildings().stream().map(Manifest.Building::id).toList();
    if (!ids.equals(have)) {
      throw new BundleException("bundle " + version() + " has buildings " + have
          + ", the site has " + ids);
    }
    if (manifest.hotWater().meanKw().length != ids.size()) {
      throw new BundleException("bundle " + version() + ": the hot-water profile has "
          + manifest.hotWater().meanKw().length + " buildings, the site " + ids.size());
    }
  }
}
