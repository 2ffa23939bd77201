package org.heatgrid.learn.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.forecast.load.HotWaterProfile;
import org.heatgrid.learn.Learnt;
import org.heatgrid.learn.SyntheticSite;
import org.junit.jupiter.api.Test;

/** A bundle runs only on the site it was learnt for, with the same buildings in the same order. */
class ModelBundleTest {

  private final ModelBundle bundle = Learnt.clean().bundle();

  @Test
  void itFitsTheSiteItWasLearntFor() {
    assertThatNoException().isThrownBy(() -> bundle.requireFits(SyntheticSite.site()));
  }

  @Test
  void aBundleOfAnotherSiteIsRefused() {
    assertThatThrownBy(() -> bundle.requireFits(SyntheticSite.site("north", SyntheticSite.IDS)))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("was learnt for site 'synth', not 'north'");
  }

  @Test
  void aSiteWithOtherBuildingsOrOrderIsRefused() {
    // The profile is stored by site order, so another order would swap buildings' loads.
    assertThatThrownBy(() -> bundle.requireFits(
        SyntheticSite.site(SyntheticSite.NAME, List.of("B01", "B02"))))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("has buildings [B01, B02, B03], the site has [B01, B02]");
    assertThatThrownBy(() -> bundle.requireFits(
        SyntheticSite.site(SyntheticSite.NAME, List.of("B02", "B01", "B03"))))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("the site has [B02, B01, B03]");
  }

  @Test
  void planModelsAreTheManifestsBuildingsById() {
    var models = bundle.planModels();

    assertThat(models).containsOnlyKeys("B01", "B02", "B03");
    for (Manifest.Building b : bundle.manifest().buildings()) {
      PlanModel p = models.get(b.id());
      assertThat(p.thermal()).isEqualTo(b.thermal());
      assertThat(p.emitter()).isEqualTo(b.emitter());
    }
  }

  @Test
  void withoutANetworkTheProfileForecastsTheHotWater() {
    assertThat(bundle.loadForecast(SyntheticSite.site())).isInstanceOf(HotWaterProfile.class);
    assertThat(bundle.profile(SyntheticSite.site()).buildings()).isEqualTo(3);
  }
}
