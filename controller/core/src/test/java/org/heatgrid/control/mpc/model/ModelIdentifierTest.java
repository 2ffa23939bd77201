package org.heatgrid.control.mpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

class ModelIdentifierTest {

  private static final ThermalModel TRUTH = SyntheticHistory.TRUTH;

  @Test
  void identifyRecoversParametersToOnePerMilleFromNoiseFreeData() {
    BuildingHistory h = SyntheticHistory.generate(21, 0, 0, 1);

    ThermalModel m = ModelIdentifier.identify(h, Set.of()).model();

    assertThat(m.uaKwPerK()).isCloseTo(TRUTH.uaKwPerK(), withinPercentage(0.1));
    assertThat(m.capacityKwhPerK()).isCloseTo(TRUTH.capacityKwhPerK(), withinPercentage(0.1));
    assertThat(m.solarKwPerWm2()).isCloseTo(TRUTH.solarKwPerWm2(), withinPercentage(0.1));
    assertThat(m.gainsOccupiedKw()).isCloseTo(TRUTH.gainsOccupiedKw(), withinPercentage(0.1));
    assertThat(m.gainsBaseKw()).isCloseTo(TRUTH.gainsBaseKw(), withinPercentage(0.1));
  }

  @Test
  void identifyRecoversTheAirOffsetsOfAModelWithThem() {
    // The air runs 4 K/MW above the state with the radiators on, 0.4 K below it while the
    // ventilation of an occupied building runs: the form the campus buildings are fitted with.
    ThermalModel truth = new ThermalModel(0.25, 8, 400, 0.04, 30, 5, 0.004, -0.4);
    BuildingHistory h = SyntheticHistory.generate(truth, 21, 0, 0, 11);

    ThermalModel m = ModelIdentifier.identify(h, Set.of()).model();

    assertThat(m.airPerKw()).isCloseTo(truth.airPerKw(), withinPercentage(0.5));
    assertThat(m.occupiedAirK()).isCloseTo(truth.occupiedAirK(), withinPercentage(0.5));
    assertThat(m.uaKwPerK()).isCloseTo(truth.uaKwPerK(), withinPercentage(0.5));
    assertThat(m.capacityKwhPerK()).isCloseTo(truth.capacityKwhPerK(), withinPercentage(0.5));
    assertThat(m.gainsOccupiedKw()).isCloseTo(truth.gainsOccupiedKw(), withinPercentage(0.5));
  }

  @Test
  void aModelWithoutAirOffsetIsFittedWithoutOne() {
    BuildingHistory h = SyntheticHistory.generate(21, 0, 0, 1);

    ThermalModel m = ModelIdentifier.identify(h, Set.of()).model();

    assertThat(m.airPerKw()).isCloseTo(0, within(1e-5));
    assertThat(m.occupiedAirK()).isCloseTo(0, within(1e-3));
  }

  @Test
  void identifyRecoversParametersFromNoisyRoundedReadings() {
    // 0.05 K Gaussian noise and 0.1 K resolution on the indoor reading, six weeks of history.
    // Tolerances are about three times the RMS error over 12 such histories (UA 1.2 %, C 1.6 %,
    // solar 11 %, occupied 1.2 kW, base 2.3 kW): sun and occupancy share the time of day with the
    // heating schedule and the outdoor sine, so their gains are the least determined.
    BuildingHistory h = SyntheticHistory.generate(42, 0.05, 0.1, 2);
    SortedSet<LocalDate> heldOut = ModelIdentifier.heldOutDays(h, 5);

    IdentifiedModel id = ModelIdentifier.identify(h, heldOut);
    ThermalModel m = id.model();

    assertThat(m.uaKwPerK()).isCloseTo(TRUTH.uaKwPerK(), withinPercentage(4));
    assertThat(m.capacityKwhPerK()).isCloseTo(TRUTH.capacityKwhPerK(), withinPercentage(5));
    assertThat(m.solarKwPerWm2()).isCloseTo(TRUTH.solarKwPerWm2(), withinPercentage(35));
    assertThat(m.gainsOccupiedKw()).isCloseTo(TRUTH.gainsOccupiedKw(), within(4.0));
    assertThat(m.gainsBaseKw()).isCloseTo(TRUTH.gainsBaseKw(), within(7.0));
    assertThat(id.heldOut().samples()).isPositive();
    assertThat(id.heldOut().horizonHours()).isEqualTo(24);
    assertThat(id.heldOut().horizonRmseK()).isLessThan(0.15);
    assertThat(id.heldOut().biasK()).isCloseTo(0, within(0.1));
    assertThat(id.training().oneStepRmseK()).isLessThan(0.1);
  }

  @Test
  void outputErrorRefinementBeatsOneStepLeastSquaresOnNoisyReadings() {
    BuildingHistory h = SyntheticHistory.generate(42, 0.05, 0.1, 2);
    StepSelection training = StepSelection.training(h, Set.of());

    ThermalModel leastSquares = LinearThermalFit.fit(training).model();
    ThermalModel refined = ModelIdentifier.identify(h, Set.of()).model();

    double leastSquaresError = Math.abs(leastSquares.uaKwPerK() / TRUTH.uaKwPerK() - 1);
    double refinedError = Math.abs(refined.uaKwPerK() / TRUTH.uaKwPerK() - 1);
    assertThat(refinedError).isLessThan(leastSquaresError);
    assertThat(FitScorer.score(refined, training).horizonRmseK())
        .isLessThan(FitScorer.score(leastSquares, training).horizonRmseK());
  }

  @Test
  void identifySkipsMissingReadings() {
    BuildingHistory clean = SyntheticHistory.generate(42, 0.05, 0.1, 3);
    double[] indoor = clean.indoorC().clone();
    double[] heat = clean.heatKw().clone();
    for (int k = 0; k < indoor.length; k += 17) {
      indoor[k] = Double.NaN;
      heat[(k + 5) % heat.length] = Double.NaN;
    }
    Arrays.fill(indoor, 1000, 1100, Double.NaN); // a day-long gateway outage

    ThermalModel m = ModelIdentifier.identify(withSeries(clean, heat, indoor), Set.of()).model();

    assertThat(m.uaKwPerK()).isCloseTo(TRUTH.uaKwPerK(), withinPercentage(5));
    assertThat(m.capacityKwhPerK()).isCloseTo(TRUTH.capacityKwhPerK(), withinPercentage(10));
  }

  @Test
  void heldOutDaysDoNotInfluenceTheFit() {
    BuildingHistory h = SyntheticHistory.generate(35, 0.05, 0.1, 4);
    SortedSet<LocalDate> heldOut = ModelIdentifier.heldOutDays(h, 5);
    double[] heat = h.heatKw().clone();
    double[] indoor = h.indoorC().clone();
    double[] supply = h.supplyC().clone();
    for (int k = 0; k < h.size(); k++) {
      if (heldOut.contains(h.stepStart()[k].toLocalDate())) {
        heat[k] *= 3;
        indoor[k] += 15;
        supply[k] = 95;
      }
    }
    BuildingHistory corrupted = new BuildingHistory(h.buildingId(), h.stepHours(), h.stepStart(),
        heat, indoor, h.outdoorC(), h.ghiWm2(), h.occupied(), supply, h.returnC());

    IdentifiedModel original = ModelIdentifier.identify(h, heldOut);
    IdentifiedModel fromCorrupted = ModelIdentifier.identify(corrupted, heldOut);

    assertThat(fromCorrupted.model()).isEqualTo(original.model());
    assertThat(fromCorrupted.training()).isEqualTo(original.training());
    assertThat(fromCorrupted.emitter()).isEqualTo(original.emitter());
    assertThat(fromCorrupted.heldOut().horizonRmseK())
        .isGreaterThan(10 * original.heldOut().horizonRmseK());
  }

  @Test
  void heldOutDaysPicksEveryNthCalendarDay() {
    BuildingHistory h = SyntheticHistory.generate(12, 0, 0, 5);

    assertThat(ModelIdentifier.heldOutDays(h, 5)).containsExactly(
        SyntheticHistory.START.toLocalDate().plusDays(4),
        SyntheticHistory.START.toLocalDate().plusDays(9));
    assertThatThrownBy(() -> ModelIdentifier.heldOutDays(h, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("everyNthDay");
  }

  @Test
  void withoutHeldOutDaysTheHeldOutQualityIsEmpty() {
    IdentifiedModel id = ModelIdentifier.identify(SyntheticHistory.generate(14, 0, 0, 6), Set.of());

    assertThat(id.heldOut().samples()).isZero();
    assertThat(id.heldOut().horizonRmseK()).isNaN();
    assertThat(id.training().samples()).isEqualTo(14 * 96 - 1);
  }

  @Test
  void allMissingIndoorReadingsFailNamingTheBuilding() {
    BuildingHistory h = SyntheticHistory.generate(14, 0, 0, 7);
    double[] indoor = new double[h.size()];
    Arrays.fill(indoor, Double.NaN);

    assertThatThrownBy(() -> ModelIdentifier.identify(withSeries(h, h.heatKw(), indoor), Set.of()))
        .isInstanceOf(IdentificationException.class)
        .hasMessageContaining("B07")
        .hasMessageContaining("no usable training steps");
  }

  @Test
  void constantHeatFailsForLackOfExcitation() {
    BuildingHistory h = SyntheticHistory.generate(14, 0, 0, 8);
    double[] heat = new double[h.size()];
    Arrays.fill(heat, 120);

    assertThatThrownBy(() -> ModelIdentifier.identify(withSeries(h, heat, h.indoorC()), Set.of()))
        .isInstanceOf(IdentificationException.class)
        .hasMessageContaining("B07")
        .hasMessageContaining("no heat excitation");
  }

  @Test
  void heatThatCoolsTheBuildingIsImplausible() {
    BuildingHistory h = SyntheticHistory.generate(14, 0, 0, 9);
    double[] reversed = Arrays.stream(h.heatKw()).map(q -> 350 - q).toArray();

    assertThatThrownBy(() -> ModelIdentifier.identify(withSeries(h, reversed, h.indoorC()),
        Set.of()))
        .isInstanceOf(IdentificationException.class)
        .hasMessageContaining("B07")
        .hasMessageContaining("non-positive effect");
  }

  @Test
  void holdingOutEveryDayLeavesNothingToFit() {
    BuildingHistory h = SyntheticHistory.generate(3, 0, 0, 10);
    Set<LocalDate> everyDay = Set.of(SyntheticHistory.START.toLocalDate(),
        SyntheticHistory.START.toLocalDate().plusDays(1),
        SyntheticHistory.START.toLocalDate().plusDays(2));

    assertThatThrownBy(() -> ModelIdentifier.identify(h, everyDay))
        .isInstanceOf(IdentificationException.class)
        .hasMessageContaining("no usable training steps");
  }

  private static BuildingHistory withSeries(BuildingHistory h, double[] heat, double[] indoor) {
    return new BuildingHistory(h.buildingId(), h.stepHours(), h.stepStart(), heat, indoor,
        h.outdoorC(), h.ghiWm2(), h.occupied(), h.supplyC(), h.returnC());
  }
}
