package org.heatgrid.control.service.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heatgrid.control.loop.AuditEntry;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.mpc.MpcController;
import org.heatgrid.learn.BundleGate;
import org.heatgrid.learn.LearnSettings;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.SyntheticSite;
import org.heatgrid.learn.bundle.BundleException;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.site.Site;
import org.heatgrid.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's models in operation, on a record of a site with known physics (the learn
 * module's SyntheticSite, written as the service's points.lp): what runs without a bundle, a
 * record too short, the first learning that starts the MPC and keeps the M&V baseline, a worse
 * candidate stored but refused, a corrupt active bundle at start.
 */
class ActiveModelsTest {

  private static final Site SITE = SyntheticSite.site();
  // The synthetic site's buildings are first order, so the bundles here are too. With two-state
  // fits (the default), the noisy candidate below fits two-state models to 0.4 K of sensor noise
  // and scores 0.280 K against the running bundle's 0.372 K on the same noisy days: the gate then
  // accepts it (2026-12-06; an open question on the gate, see decision 0027).
  private static final ActiveModels.Settings SETTINGS = new ActiveModels.Settings("auto", true,
      Duration.ofDays(7), LearnSettings.DEFAULTS.withNetwork(false).withTwoState(false));

  @TempDir
  Path data;

  private final ManualClock clock = new ManualClock(Instant.parse("2025-11-18T00:00:00Z"));
  private final List<AuditEntry> audit = new ArrayList<>();

  private ActiveModels models(ActiveModels.Settings s) {
    return new ActiveModels(SITE, new BundleStore(data.resolve("models")),
        new RecordSource.Records(data), clock, new OperatorState(SITE, audit::add), s);
  }

  @Test
  void withoutABundle_theCurveRuns_andSaysWhy() {
    ActiveModels m = models(SETTINGS);

    assertThat(m.state().controller()).isEqualTo("heating-curve");
    assertThat(m.state().reason()).contains("no active bundle").contains("14 usable days");
    assertThat(m.state().nextLearn()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    assertThat(m.runningMpc()).isZero();
  }

  @Test
  void aShortRecord_isNotLearnt_saysWhatIsMissing_andIsRetriedWithinADay() {
    new SyntheticSite().days(5).write(data);
    ActiveModels m = models(SETTINGS);

    assertThat(m.learnNow("test")).isEmpty();

    assertThat(m.state().lastLearn()).contains("5 usable days of the 14 needed")
        .contains("at least 9 more days");
    assertThat(m.state().controller()).isEqualTo("heating-curve");
    assertThat(m.state().nextLearn()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    assertThat(m.learningsFailed()).isEqualTo(1);
    assertThat(m.bundles()).isEmpty();
  }

  @Test
  void theFirstLearning_runsTheMpc_keepsTheMvBaseline_andIsAudited() {
    new SyntheticSite().days(15).write(data);
    ActiveModels m = models(SETTINGS);

    Optional<BundleGate.Decision> d = m.learnNow("heatgrid");

    assertThat(d).get().extracting(BundleGate.Decision::accepted).isEqualTo(true);
    assertThat(m.state().controller()).isEqualTo("mpc");
    assertThat(m.state().bundle()).isEqualTo("v0001");
    assertThat(m.store().active()).contains("v0001");
    assertThat(data.resolve("models/mv/baseline.csv")).isRegularFile();
    assertThat(data.resolve("models/mv/reporting-from")).content().contains(clock.instant().toString());
    assertThat(audit).extracting(AuditEntry::what).containsExactly("bundle.learn", "bundle.activate");
    assertThat(audit.get(0).buildingId()).isEqualTo(OperatorState.SITE);
    // The switch happens at the loop's next decision; the running controller is then the MPC.
    assertThat(m.runningMpc()).isEqualTo(1);
  }

  @Test
  void aWorseCandidate_isStoredButRefused_andTheRunningBundleStays() {
    new SyntheticSite().days(15).write(data);
    ActiveModels m = models(SETTINGS);
    m.learnNow("heatgrid");
    // The site's sensors degrade: a record of the same days read through 0.4 K of noise. The
    // running bundle (learnt from clean readings) predicts its held-out days better.
    new SyntheticSite().days(15).noise(0.4).seed(9).write(data);
    clock.advance(Duration.ofDays(7));

    Optional<BundleGate.Decision> d = m.learnNow("heatgrid");

    assertThat(d).isPresent();
    assertThat(d.get().accepted()).as(d.get().reason()).isFalse();
    assertThat(d.get().candidateRmseK()).isGreaterThan(d.get().runningRmseK());
    assertThat(m.state().bundle()).isEqualTo("v0001");
    assertThat(m.store().versions()).containsExactly("v0001", "v0002");
    assertThat(m.store().active()).contains("v0001");
    assertThat(m.learningsRefused()).isEqualTo(1);
    assertThat(audit.get(audit.size() - 1).what()).isEqualTo("bundle.learn");
    assertThat(audit.get(audit.size() - 1).why()).contains("refused (worse)");
  }

  @Test
  void aCorruptActiveBundle_atStart_leavesTheCurveRunning_andSaysWhy() throws IOException {
    new SyntheticSite().days(15).write(data);
    models(SETTINGS).learnNow("heatgrid");
    Path manifest = data.resolve("models/v0001/bundle.json");
    Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"uaKwPerK\" : ", "\"uaKwPerK\" : 1"));

    ActiveModels restarted = models(SETTINGS);

    assertThat(restarted.state().controller()).isEqualTo("heating-curve");
    assertThat(restarted.state().reason()).contains("active bundle v0001 refused")
        .contains("does not match its SHA-256");
    assertThat(restarted.controller().current()).isNotInstanceOf(MpcController.class);
  }

  @Test
  void modeCurve_neverRunsABundle() {
    new SyntheticSite().days(15).write(data);
    models(SETTINGS).learnNow("heatgrid");

    ActiveModels curve = models(new ActiveModels.Settings("curve", false, Duration.ofDays(7),
        LearnSettings.DEFAULTS.withNetwork(false)));

    assertThat(curve.state().controller()).isEqualTo("heating-curve");
    assertThat(curve.state().reason()).contains("mode is curve");
    assertThatThrownBy(() -> curve.activate("v0001", "admin", "try"))
        .isInstanceOf(BundleException.class).hasMessageContaining("mode is curve");
  }
}
