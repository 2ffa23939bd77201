package org.heatgrid.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.heatgrid.control.mpc.model.FitQuality;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.control.mpc.model.TwoStateModel;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.learn.bundle.ModelBundle;
import org.junit.jupiter.api.Test;

/**
 * The re-learning gate: a new bundle replaces the running one only if its models simulate the
 * held-out days no worse. The learnt bundle's models are the truth (noise-free record), so a model
 * with a wrong UA is worse on any days.
 */
class BundleGateTest {

  private static final LearnSettings S = Learnt.SETTINGS;
  private final SiteHistory history = Learnt.clean().history();
  private final ModelBundle learnt = Bundles.withThermal(Learnt.clean().bundle(), "v0002",
      t -> t);
  private final ModelBundle wrongUa = Bundles.withThermal(Learnt.clean().bundle(), "v0001",
      Bundles.uaTimes(1.6));

  @Test
  void withNoBundleRunningAnyCandidatePasses() {
    BundleGate.Decision d = BundleGate.decide(wrongUa, null, history, S);

    assertThat(d.accepted()).isTrue();
    assertThat(d.runningRmseK()).isNaN();
    assertThat(d.candidateRmseK()).isGreaterThan(0.1);
    assertThat(d.reason()).startsWith("no bundle was running; v0001 held-out RMSE ");
  }

  @Test
  void aCandidateWithABadlyWrongUaIsRefused() {
    BundleGate.Decision d = BundleGate.decide(wrongUa, learnt, history, S);

    assertThat(d.accepted()).isFalse();
    assertThat(d.candidateRmseK()).isGreaterThan(0.1);
    assertThat(d.runningRmseK()).isLessThan(0.01);
    assertThat(d.reason()).startsWith("v0001: held-out 24 h RMSE ")
        .contains("of running v0002 on the same days")
        .endsWith("refused (worse)");
  }

  /**
   * A candidate whose two-state models predict the held-out days badly is refused, though its
   * first-order models are the truth: the gate scores the models the MPC would plan with.
   */
  @Test
  void aCandidateIsScoredOnItsTwoStateModelsWhereItHasThem() {
    TwoStateModel poor = new TwoStateModel(0.25, 0.5, 5, 0.05, 1, 50, 0, 0, 0);
    FitQuality claimed = new FitQuality(288, 0.01, 0.01, 24, 0);
    Manifest m = learnt.manifest();
    List<Manifest.Building> buildings = m.buildings().stream()
        .map(x -> new Manifest.Building(x.id(), x.thermal(), x.emitter(), x.zoneSpreadK(),
            x.training(), x.heldOut(), poor, claimed))
        .toList();
    ModelBundle twoState = new ModelBundle(new Manifest(m.format(), "v0004", m.site(),
        m.created(), m.data(), buildings, m.hotWater(), m.forecaster(), m.warnings()), null);

    BundleGate.Decision d = BundleGate.decide(twoState, learnt, history, S);

    assertThat(d.accepted()).isFalse();
    assertThat(d.candidateRmseK()).isGreaterThan(0.1);
    assertThat(d.runningRmseK()).isLessThan(0.01);
  }

  @Test
  void aBetterCandidateIsAccepted() {
    BundleGate.Decision d = BundleGate.decide(learnt, wrongUa, history, S);

    assertThat(d.accepted()).isTrue();
    assertThat(d.candidateRmseK()).isLessThan(d.runningRmseK());
    assertThat(d.reason()).endsWith("accepted");
  }

  @Test
  void anEqualCandidateIsAccepted() {
    // Re-learning from the same record gives the same models: no reason to keep the old bundle.
    ModelBundle same = Bundles.withThermal(learnt, "v0003", t -> t);

    BundleGate.Decision d = BundleGate.decide(same, learnt, history, S);

    assertThat(d.accepted()).isTrue();
    assertThat(d.candidateRmseK()).isEqualTo(d.runningRmseK());
  }

  @Test
  void bothAreScoredOnTheHeldOutDaysOnly() {
    // The score is the learner's own held-out figure: same days, same simulation.
    double score = BundleGate.score(learnt.planModels(), learnt.planModels(), history, S);

    assertThat(score).isEqualTo(learnt.manifest().meanHeldOutRmseK());
  }

  @Test
  void aRunningBundleWithoutTheSitesBuildingsDoesNotBlockACandidate() {
    // The site's buildings were renamed since the running bundle was learnt: nothing to compare.
    ModelBundle stale = Bundles.withBuildingIds(learnt, "v0001", List.of("X01", "X02", "X03"));

    BundleGate.Decision d = BundleGate.decide(learnt, stale, history, S);

    assertThat(d.accepted()).isTrue();
  }
}
