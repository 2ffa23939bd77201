package org.heatgrid.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings that cannot work are refused at construction, naming the setting. */
class LearnSettingsTest {

  @Test
  void withersChangeOnlyTheirSetting() {
    LearnSettings s = LearnSettings.DEFAULTS.withNetwork(false).withMinDays(21);

    assertThat(s).isEqualTo(new LearnSettings(21, 0.9, 0.8, 5, 0.9, false, 3, 42, LearnSettings.DEFAULTS.twoState()));
  }

  @Test
  void impossibleSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new LearnSettings(2, 0.9, 0.8, 5, 0.9, true, 1, 42, LearnSettings.DEFAULTS.twoState()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("minDays must be at least 3: 2");
    assertThatThrownBy(() -> new LearnSettings(14, 0, 0.8, 5, 0.9, true, 3, 42, LearnSettings.DEFAULTS.twoState()))
        .hasMessage("dayCoverage must be in (0, 1]: 0.0");
    assertThatThrownBy(() -> new LearnSettings(14, 0.9, 1.5, 5, 0.9, true, 3, 42, LearnSettings.DEFAULTS.twoState()))
        .hasMessage("signalShare must be in (0, 1]: 1.5");
    assertThatThrownBy(() -> new LearnSettings(14, 0.9, 0.8, 1, 0.9, true, 3, 42, LearnSettings.DEFAULTS.twoState()))
        .hasMessage("heldOutEveryNthDay must be at least 2: 1");
    // Backtest days are held out of the network's training: at least one must remain.
    assertThatThrownBy(() -> new LearnSettings(14, 0.9, 0.8, 5, 0.9, true, 14, 42, LearnSettings.DEFAULTS.twoState()))
        .hasMessage("backtestDays must be in 1..13: 14");
  }
}
