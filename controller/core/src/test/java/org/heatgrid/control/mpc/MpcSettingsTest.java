package org.heatgrid.control.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The comfort margin rules: one margin for all, or one per building from its model's error. */
class MpcSettingsTest {

  @Test
  void aMarginPerModelError_scalesEachBuildingsHeldOutError() {
    MpcSettings s = MpcSettings.DEFAULTS.withMargins(0.1, 2);
    assertThat(s.marginsK(new double[] {0.2, 0.5})).containsExactly(0.5, 1.1);
  }

  @Test
  void aModelWithoutAHeldOutScore_countsAsTheWorstScored_andWithNoneScoredTheFormerMarginHolds() {
    MpcSettings s = MpcSettings.DEFAULTS.withMargins(0, 2);
    assertThat(s.marginsK(new double[] {0.2, Double.NaN, 0.4})).containsExactly(0.4, 0.8, 0.8);
    assertThat(s.marginsK(new double[] {Double.NaN, Double.NaN}))
        .containsExactly(MpcSettings.UNSCORED_MARGIN_K, MpcSettings.UNSCORED_MARGIN_K);
  }

  @Test
  void oneMarginForAll_readsNoScores() {
    MpcSettings s = MpcSettings.DEFAULTS.withMargins(0.6, 0);
    assertThat(s.marginsK(new double[] {0.2, Double.NaN})).containsExactly(0.6, 0.6);
  }

  @Test
  void aNegativeRuleIsRefusedByName() {
    assertThatThrownBy(() -> MpcSettings.DEFAULTS.withMargins(0, -1))
        .hasMessageContaining("margin per K of model error");
  }
}
