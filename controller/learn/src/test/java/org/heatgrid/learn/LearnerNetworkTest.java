package org.heatgrid.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.NetworkLoadForecast;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.learn.bundle.BundleException;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.learn.bundle.ModelBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning with the hot-water network (about 15 s on 2 cores): only B02 has hot water, so only it
 * is trained; the network is backtested on the record's last 3 days, and stored and loaded whole.
 */
class LearnerNetworkTest {

  private static ModelBundle bundle;

  @BeforeAll
  static void learn() {
    Learnt clean = Learnt.clean();
    bundle = Learner.learn(clean.record(), SyntheticSite.site(),
        LearnSettings.DEFAULTS.withNetwork(true).withTwoState(false));
  }

  @Test
  void onlyTheBuildingWithHotWaterGetsTheNetworkAndItIsBacktested() {
    Manifest.Forecaster f = bundle.manifest().forecaster();

    assertThat(f.kind()).isEqualTo("network");
    assertThat(f.buildings()).containsExactly("B02");
    assertThat(f.strideHours()).isEqualTo(3);
    assertThat(bundle.network()).isNotNull();
    assertThat(bundle.network().spec().buildings()).containsExactly("B02");
    // The last 3 days (Nov 15..17) are the backtest: 72 hours of B02, beside yesterday's load.
    assertThat(f.backtest()).containsEntry("test_from", "2025-11-15")
        .containsEntry("test_to", "2025-11-17").containsKey("baselines");
    @SuppressWarnings("unchecked")
    Map<String, Object> mean = (Map<String, Object>) f.backtest().get("mean");
    assertThat(((Number) mean.get("n")).intValue()).isEqualTo(72);
    assertThat(((Number) mean.get("mae")).doubleValue()).isFinite().isPositive();
    assertThat(bundle.manifest().warnings()).isEmpty();
    // The thermal models do not depend on the network.
    assertThat(bundle.planModels()).isEqualTo(Learnt.clean().bundle().planModels());
  }

  @Test
  void aRecordTooShortForTheNetworkFallsBackToTheProfileWithAWarning() {
    // 10 usable days pass a 10-day minimum, but a week of input plus 3 backtest days leave the
    // network too few samples: the profile forecasts, and the manifest says why.
    ModelBundle b = Learner.learn(Learnt.read(new SyntheticSite().days(10)), SyntheticSite.site(),
        LearnSettings.DEFAULTS.withMinDays(10).withNetwork(true)
            .withTwoState(false));

    assertThat(b.network()).isNull();
    assertThat(b.manifest().forecaster().kind()).isEqualTo("profile");
    assertThat(b.manifest().warnings()).containsExactly("the record's 10 usable days are too few "
        + "for the hot-water network (it needs 14): the profile forecasts");
  }

  @Test
  void theStoredNetworkForecastsAsTheLearntOne(@TempDir Path root) {
    BundleStore store = new BundleStore(root);
    ModelBundle loaded = store.activate(store.save(bundle));
    MeterData hourly = NetworkLoadForecast.withLoad(Learnt.clean().history().hourlyOtherHeat());
    ForecastInput in = new ForecastInput(hourly, 10 * 24, bundle.network().spec().horizon(),
        SyntheticSite.ZONE); // issued at local midnight of Nov 13

    assertThat(loaded.network()).isNotNull();
    assertThat(loaded.network().predictAll(in)).isDeepEqualTo(bundle.network().predictAll(in));
    assertThat(loaded.loadForecast(SyntheticSite.site())).isInstanceOf(NetworkLoadForecast.class);
    assertThat(((NetworkLoadForecast) loaded.loadForecast(SyntheticSite.site())).buildings())
        .containsExactly("B02");
  }

  @Test
  void aChangedNetworkFileMakesTheBundleCorrupt(@TempDir Path root) throws IOException {
    // SHA256SUMS covers the network's files too, not only bundle.json.
    BundleStore store = new BundleStore(root);
    String v = store.save(bundle);
    Path network = root.resolve(v).resolve("network");
    Path file;
    try (Stream<Path> s = Files.walk(network)) {
      file = s.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.writeString(file, "x", java.nio.file.StandardOpenOption.APPEND);
    String rel = root.resolve(v).relativize(file).toString();

    assertThatThrownBy(() -> store.load(v))
        .isInstanceOf(BundleException.class)
        .hasMessage("bundle " + v + ": " + rel + " does not match its SHA-256 in SHA256SUMS "
            + "(corrupt or edited)");
  }
}
