package org.heatgrid.control.mpc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepSelectionTest {

  private static final LocalDate DAY1 = SyntheticHistory.START.toLocalDate();

  @Test
  void windowsStartAtMidnightAndAtTheFirstUsableReading() {
    BuildingHistory h = SyntheticHistory.generate(3, 0, 0, 1);

    // Step 0 has no earlier reading to start from, so day 1 starts at step 1.
    assertThat(StepSelection.all(h).windows(24)).containsExactly(
        new StepSelection.Window(1, 96),
        new StepSelection.Window(96, 192),
        new StepSelection.Window(192, 288));
    assertThat(StepSelection.all(h).windows(6)).hasSize(12);
  }

  @Test
  void aMissingInputCutsTheWindowAndTheNextReadingRestartsIt() {
    BuildingHistory full = SyntheticHistory.generate(1, 0, 0, 1);
    double[] heat = full.heatKw().clone();
    heat[40] = Double.NaN;
    BuildingHistory h = new BuildingHistory(full.buildingId(), full.stepHours(), full.stepStart(),
        heat, full.indoorC(), full.outdoorC(), full.ghiWm2(), full.occupied(), full.supplyC(),
        full.returnC());

    assertThat(StepSelection.all(h).windows(24)).containsExactly(
        new StepSelection.Window(1, 40), new StepSelection.Window(41, 96));
    assertThat(StepSelection.all(h).transitions()).hasSize(94).doesNotContain(0, 40);
  }

  @Test
  void trainingNeverStartsFromAHeldOutReadingButHeldOutScoringMay() {
    BuildingHistory h = SyntheticHistory.generate(3, 0, 0, 1);
    Set<LocalDate> heldOut = Set.of(DAY1.plusDays(1));

    // Day 3's first step starts from the reading at the end of held-out day 2.
    assertThat(StepSelection.training(h, heldOut).windows(24)).containsExactly(
        new StepSelection.Window(1, 96), new StepSelection.Window(193, 288));
    assertThat(StepSelection.heldOut(h, heldOut).windows(24))
        .containsExactly(new StepSelection.Window(96, 192));
  }
}
