package org.heatgrid.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.ThermalModel;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.learn.bundle.ModelBundle;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.junit.jupiter.api.Test;

/**
 * Learning a bundle from a synthetic record whose buildings follow known models: the identified
 * models must be those models, the hot-water profile B02's timetable, and the manifest must say
 * where it all came from.
 */
class LearnerTest {

  /** The synthetic site's control step. */
  private static final java.time.Duration STEP15 = java.time.Duration.ofMinutes(15);

  @Test
  void noiseFreeRecordGivesEveryBuildingsTrueUaAndTimeConstant() {
    Manifest m = Learnt.clean().bundle().manifest();

    assertThat(m.buildings()).extracting(Manifest.Building::id).containsExactly("B01", "B02", "B03");
    for (Manifest.Building b : m.buildings()) {
      ThermalModel truth = SyntheticSite.TRUTH.get(b.id());
      assertThat(b.thermal().stepHours()).isEqualTo(0.25);
      assertThat(b.thermal().uaKwPerK()).as(b.id() + " UA")
          .isCloseTo(truth.uaKwPerK(), withinPercentage(0.5));
      assertThat(b.thermal().timeConstantHours()).as(b.id() + " time constant")
          .isCloseTo(truth.timeConstantHours(), withinPercentage(0.5));
      assertThat(b.thermal().gainsOccupiedKw()).as(b.id() + " occupied gains")
          .isCloseTo(truth.gainsOccupiedKw(), withinPercentage(1));
      assertThat(b.thermal().solarKwPerWm2()).as(b.id() + " solar aperture")
          .isCloseTo(truth.solarKwPerWm2(), withinPercentage(1));
    }
  }

  @Test
  void theFitIsScoredOnHeldOutDaysAndIsNearlyExact() {
    // 15 days, every 5th held out: 3 days of 96 periods scored. Training starts neither at the
    // first period nor right after a held-out day (that reading is held out): 12 days less 3.
    for (Manifest.Building b : Learnt.clean().bundle().manifest().buildings()) {
      assertThat(b.heldOut().samples()).as(b.id()).isEqualTo(3 * 96);
      assertThat(b.heldOut().horizonRmseK()).as(b.id()).isFinite().isLessThan(0.01);
      assertThat(b.training().samples()).as(b.id()).isEqualTo(12 * 96 - 3);
      assertThat(b.zoneSpreadK()).as(b.id())
          .isCloseTo(SyntheticSite.ZONE_SPREAD_K, within(1e-9));
      // The emitter (supply against heat) is fitted on the same days: an exponent of about 1.3.
      assertThat(b.emitter().exponent()).as(b.id()).isCloseTo(1.3, within(0.05));
    }
    assertThat(Learnt.clean().bundle().manifest().meanHeldOutRmseK()).isLessThan(0.01);
  }

  /**
   * Asked for two-state models on a site whose buildings are truly first order, the structure
   * cannot be identified: each building keeps its first-order model, with a warning, and the
   * bundle is still learnt.
   */
  @Test
  void aTwoStateFitThatFailsLeavesTheFirstOrderModelAndAWarning() {
    ModelBundle b = Learner.learn(Learnt.clean().record(), SyntheticSite.site(),
        Learnt.SETTINGS.withTwoState(true));
    for (Manifest.Building x : b.manifest().buildings()) {
      assertThat(x.twoState()).as(x.id()).isNull();
      assertThat(x.plannedHeldOut()).isSameAs(x.heldOut());
      assertThat(b.planModels().get(x.id()).twoState()).isNull();
      assertThat(b.manifest().warnings()).anyMatch(w -> w.startsWith("building " + x.id()
          + ": no two-state model") && w.contains("first-order model"));
    }
  }

  /**
   * A bundle whose building has a two-state model: the MPC's model carries it, the re-learning
   * gate compares its held-out score, and it survives the store.
   */
  @Test
  void aTwoStateModelGoesToTheMpcAndTheGateAndThroughTheStore(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ModelBundle clean = Learnt.clean().bundle();
    Manifest m = clean.manifest();
    Manifest.Building first = m.buildings().get(0);
    org.heatgrid.control.mpc.model.TwoStateModel two =
        new org.heatgrid.control.mpc.model.TwoStateModel(0.25, 2, 20, 0.2, 5, 400, 0.01, 3, 1);
    org.heatgrid.control.mpc.model.FitQuality score =
        new org.heatgrid.control.mpc.model.FitQuality(288, 0.02, 0.5, 24, 0);
    List<Manifest.Building> buildings = new java.util.ArrayList<>(m.buildings());
    buildings.set(0, new Manifest.Building(first.id(), first.thermal(), first.emitter(),
        first.zoneSpreadK(), first.training(), first.heldOut(), two, score));
    ModelBundle b = new ModelBundle(new Manifest(m.format(), m.version(), m.site(), m.created(),
        m.data(), buildings, m.hotWater(), m.forecaster(), m.warnings()), null);

    assertThat(b.planModels().get(first.id()).twoState()).isEqualTo(two);
    assertThat(b.planModels().get(first.id()).plannedHeldOut()).isEqualTo(score);
    assertThat(b.manifest().meanHeldOutRmseK()).isGreaterThan(0.5 / 3)
        .isGreaterThan(m.meanHeldOutRmseK());
    org.heatgrid.learn.bundle.BundleStore store =
        new org.heatgrid.learn.bundle.BundleStore(dir.resolve("bundles"));
    ModelBundle loaded = store.load(store.save(b));
    assertThat(loaded.planModels()).isEqualTo(b.planModels());
  }

  @Test
  void theHotWaterProfileIsB02sTimetable() {
    // Slot h is 60 minutes from h:00 local; day types: working day, Saturday, Sunday/holiday.
    Manifest.Profile p = Learnt.clean().bundle().manifest().hotWater();
    double[][][] kw = p.meanKw();

    assertThat(p.slotMinutes()).isEqualTo(60);
    assertThat(kw).hasNumberOfRows(3);
    assertThat(kw[1][0][7]).isCloseTo(40, within(1e-9)); // weekday 07:00
    assertThat(kw[1][0][19]).isCloseTo(30, within(1e-9)); // weekday 19:00
    assertThat(kw[1][0][3]).isCloseTo(6, within(1e-9));
    assertThat(kw[1][1][9]).isCloseTo(35, within(1e-9)); // Saturday 09:00
    assertThat(kw[1][2][20]).isCloseTo(25, within(1e-9)); // Sunday 20:00
    // B01 and B03 meter only space heat: no hot water.
    for (int b : new int[] {0, 2}) {
      for (double[] day : kw[b]) {
        for (double v : day) {
          assertThat(v).isCloseTo(0, within(1e-9));
        }
      }
    }
  }

  @Test
  void theManifestSaysWhatItWasLearntFrom() {
    Learnt l = Learnt.clean();
    Manifest m = l.bundle().manifest();

    assertThat(m.format()).isEqualTo(Manifest.FORMAT);
    assertThat(m.version()).as("set by the store").isNull();
    assertThat(m.site()).isEqualTo(SyntheticSite.NAME);
    assertThat(m.data()).isEqualTo(new Manifest.Data(l.record().source(), "2025-11-03",
        "2025-11-17", 15, 15, 15 * 96 * 3, 0, l.record().sha256(STEP15)));
    assertThat(m.forecaster().kind()).isEqualTo("profile");
    assertThat(m.forecaster().buildings()).isEmpty();
    assertThat(m.warnings()).isEmpty();
    assertThat(l.bundle().network()).isNull();
  }

  @Test
  void lightlyNoisyReadingsStillGiveUaAndTimeConstantClose() {
    // 0.05 K noise on every zone sensor: the fit is as good as the noise allows (seed fixed).
    SiteRecord r = Learnt.read(new SyntheticSite().days(15).noise(0.05).seed(1));

    Manifest m = Learner.learn(r, SyntheticSite.site(), Learnt.SETTINGS).manifest();

    for (Manifest.Building b : m.buildings()) {
      ThermalModel truth = SyntheticSite.TRUTH.get(b.id());
      assertThat(b.thermal().uaKwPerK()).as(b.id())
          .isCloseTo(truth.uaKwPerK(), withinPercentage(6));
      assertThat(b.thermal().timeConstantHours()).as(b.id())
          .isCloseTo(truth.timeConstantHours(), withinPercentage(15));
      assertThat(b.heldOut().horizonRmseK()).as(b.id()).isBetween(0.02, 0.1);
    }
  }

  @Test
  void whatWasNotUsedIsWarnedAbout() {
    // A truncated last line and a second site in the same file do not stop learning.
    SyntheticSite s = new SyntheticSite().days(15).alsoSite("north");
    String last = s.lines().get(s.lines().size() - 1);
    s.truncateLastLine(last.length() / 2);

    ModelBundle b = Learner.learn(Learnt.read(s), SyntheticSite.site(), Learnt.SETTINGS);

    List<String> w = b.manifest().warnings();
    assertThat(w).hasSize(2);
    assertThat(w.get(0)).startsWith("1 lines or rows of the record were not used; first: "
        + "points.lp line " + s.lines().size() + ": ");
    assertThat(w.get(1)).isEqualTo("the source also holds sites [north] (not used)");
    assertThat(b.manifest().data().rejected()).isEqualTo(1);
  }

  @Test
  void aRecordWithoutIrradianceIsLearntWithAWarning() {
    // A site without a weather service: the sun reads 0 and solar gains cannot be learnt.
    SyntheticSite s = new SyntheticSite().days(15);
    SiteRecord full = Learnt.read(s);
    SiteRecord r = new SiteRecord("no-sun");
    full.buildings().forEach(id -> full.readings(id).forEach(r::put));

    ModelBundle b = Learner.learn(r, SyntheticSite.site(), Learnt.SETTINGS);

    assertThat(b.manifest().warnings())
        .containsExactly("the record has no irradiance: solar gains read as 0");
    assertThat(b.manifest().buildings()).allSatisfy(x ->
        assertThat(x.thermal().solarKwPerWm2()).isZero());
  }

  @Test
  void aShortRecordIsRefusedBeforeAnythingIsIdentified() {
    SiteRecord r = Learnt.read(new SyntheticSite().days(10));

    assertThatThrownBy(() -> Learner.learn(r, SyntheticSite.site(), Learnt.SETTINGS))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("has 10 usable days of the 14 needed");
  }

  @Test
  void aBuildingWithoutHeatExcitationIsRefusedNamingIt() {
    // B01's heating-circuit flow reads 0 throughout: no heat, so no UA or C can be identified.
    SyntheticSite s = new SyntheticSite().days(15);
    SiteRecord r = new SiteRecord("dead-meter");
    SiteRecord full = Learnt.read(s);
    full.buildings().forEach(id -> full.readings(id).forEach((end, t) -> r.put(end,
        !id.equals("B01") ? t : new Telemetry(id, t.heatKw(),
            t.primarySupplyC(), t.primaryReturnC(), t.primaryFlowM3h(), t.secondarySupplyC(),
            t.secondaryReturnC(), 0, t.zoneTempsC(), t.outdoorC(), false))));
    s.forecasts().stream().filter(f -> f.lead() == 0).forEach(f -> r.ghi(f.issuedAt(), f.ghiWm2()));

    assertThatThrownBy(() -> Learner.learn(r, SyntheticSite.site(), Learnt.SETTINGS))
        .isInstanceOf(RecordException.class)
        .hasMessageStartingWith("building B01: no plausible model from this record (")
        .hasMessageContaining("no heat excitation");
  }
}
