package org.heatgrid.learn.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.heatgrid.learn.Learnt;
import org.heatgrid.learn.SyntheticSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle store: versions in order, a bundle loads as it was saved, ACTIVE names only a bundle
 * that loads, and a bundle whose files were changed is refused naming the version and the reason.
 */
class BundleStoreTest {

  @TempDir
  Path root;

  private BundleStore store;
  private ModelBundle learnt;

  @BeforeEach
  void setUp() {
    store = new BundleStore(root.resolve("bundles")); // created by the first save
    learnt = Learnt.clean().bundle();
  }

  @Test
  void anEmptyStoreHasNoVersionsAndNothingActive() {
    assertThat(store.versions()).isEmpty();
    assertThat(store.list()).isEmpty();
    assertThat(store.active()).isEmpty();
    assertThat(store.loadActive()).isEmpty();
  }

  @Test
  void aSavedBundleLoadsWithTheSameModelsProfileAndManifest() {
    String v = store.save(learnt);

    ModelBundle loaded = store.load(v);

    assertThat(v).isEqualTo("v0001");
    assertThat(loaded.version()).isEqualTo("v0001");
    assertThat(loaded.planModels()).isEqualTo(learnt.planModels());
    assertThat(loaded.manifest().hotWater().meanKw()).isDeepEqualTo(
        learnt.manifest().hotWater().meanKw());
    assertThat(loaded.manifest()).usingRecursiveComparison().ignoringFields("version")
        .isEqualTo(learnt.manifest());
    assertThat(loaded.network()).isNull();
    assertThat(loaded.profile(SyntheticSite.site()).meanKw())
        .isDeepEqualTo(learnt.manifest().hotWater().meanKw());
  }

  @Test
  void versionsAreNumberedInOrderAndWrittenWhole() throws IOException {
    assertThat(store.save(learnt)).isEqualTo("v0001");
    assertThat(store.save(learnt)).isEqualTo("v0002");
    assertThat(store.save(learnt)).isEqualTo("v0003");

    assertThat(store.versions()).containsExactly("v0001", "v0002", "v0003");
    assertThat(store.root().resolve("v0002")).isDirectoryContaining("glob:**/bundle.json")
        .isDirectoryContaining("glob:**/SHA256SUMS");
    // No temporary folder is left behind, and a stray folder is not a version.
    Files.createDirectory(store.root().resolve("old"));
    try (Stream<Path> s = Files.list(store.root())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "v0001", "v0002", "v0003", "old");
    }
    assertThat(store.versions()).containsExactly("v0001", "v0002", "v0003");
    assertThat(store.load("v0003").version()).isEqualTo("v0003");
  }

  @Test
  void activateMakesAVersionActiveAndListMarksIt() {
    store.save(learnt);
    store.save(learnt);

    ModelBundle active = store.activate("v0002");

    assertThat(active.version()).isEqualTo("v0002");
    assertThat(store.active()).contains("v0002");
    assertThat(store.loadActive()).get().extracting(ModelBundle::version).isEqualTo("v0002");
    assertThat(store.list()).extracting(BundleStore.Entry::version, BundleStore.Entry::active,
        BundleStore.Entry::problem).containsExactly(
            org.assertj.core.groups.Tuple.tuple("v0001", false, null),
            org.assertj.core.groups.Tuple.tuple("v0002", true, null));
    assertThat(store.list().get(0).manifest().version()).isEqualTo("v0001");

    store.activate("v0001");

    assertThat(store.active()).contains("v0001");
  }

  @Test
  void anEditedBundleIsRefusedAsCorruptAndCannotBeActivated() throws IOException {
    store.save(learnt);
    store.activate("v0001");
    store.save(learnt);
    Path manifest = store.root().resolve("v0002").resolve(BundleStore.MANIFEST);
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[bytes.length / 2] ^= 1; // one bit
    Files.write(manifest, bytes);

    assertThatThrownBy(() -> store.load("v0002"))
        .isInstanceOf(BundleException.class)
        .hasMessage("bundle v0002: bundle.json does not match its SHA-256 in SHA256SUMS "
            + "(corrupt or edited)");
    assertThatThrownBy(() -> store.activate("v0002")).isInstanceOf(BundleException.class)
        .hasMessageContaining("bundle v0002");
    assertThat(store.active()).contains("v0001");
    BundleStore.Entry corrupt = store.list().get(1);
    assertThat(corrupt.version()).isEqualTo("v0002");
    assertThat(corrupt.manifest()).isNull();
    assertThat(corrupt.problem()).contains("does not match its SHA-256");
  }

  @Test
  void aBundleWithoutItsChecksumsIsRefused() throws IOException {
    store.save(learnt);
    Files.delete(store.root().resolve("v0001").resolve(BundleStore.SUMS));

    assertThatThrownBy(() -> store.load("v0001"))
        .isInstanceOf(BundleException.class)
        .hasMessage("bundle v0001: no SHA256SUMS (incomplete or not a bundle)");
    assertThatThrownBy(() -> store.activate("v0001")).isInstanceOf(BundleException.class);
    assertThat(store.active()).isEmpty();
  }

  @Test
  void aBundleMissingAFileItsChecksumsListIsRefused() throws IOException {
    store.save(learnt);
    Files.delete(store.root().resolve("v0001").resolve(BundleStore.MANIFEST));

    assertThatThrownBy(() -> store.load("v0001"))
        .isInstanceOf(BundleException.class)
        .hasMessage("bundle v0001: bundle.json is missing");
  }

  @Test
  void aBundleOfAnotherFormatIsRefusedEvenWithMatchingChecksums() throws Exception {
    // A bundle written by a later heatgrid: its files are intact, but this version cannot read it.
    store.save(learnt);
    Path dir = store.root().resolve("v0001");
    Path manifest = dir.resolve(BundleStore.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest)
        .replace(Manifest.FORMAT, "heatgrid.bundle/9"));
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(manifest));
    Files.writeString(dir.resolve(BundleStore.SUMS),
        HexFormat.of().formatHex(hash) + "  bundle.json\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store.load("v0001"))
        .isInstanceOf(BundleException.class)
        .hasMessage("bundle v0001: format 'heatgrid.bundle/9', this version reads "
            + Manifest.FORMAT);
  }

  @Test
  void unknownOrMalformedVersionsAreRefusedNamingThem() {
    store.save(learnt);

    assertThatThrownBy(() -> store.load("v0042"))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("bundle v0042 is not in ");
    assertThatThrownBy(() -> store.activate("../v0001"))
        .isInstanceOf(BundleException.class)
        .hasMessage("'../v0001' is not a bundle version (v0001, v0002, ...)");
    assertThat(store.active()).isEmpty();
  }
}
