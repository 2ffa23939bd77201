package org.heatgrid.control.mpc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two-state model: its exact step, and its identification from telemetry it generated. */
class TwoStateIdentificationTest {

  /**
   * A 4,000 m2 office as two nodes: the air (with furnishings, 30 kWh/K) couples to the
   * structure (400 kWh/K) through 60 kW/K and loses 3 kW/K to outdoors directly; the structure
   * loses 6 kW/K. The air's time constant is about half an hour, the structure's days.
   */
  static final TwoStateModel TRUTH =
      new TwoStateModel(0.25, 3, 60, 6, 30, 400, 0.04, 30, 5);

  @Test
  void theExactStepMatchesAFineEulerIntegration() {
    TwoStateModel.Discrete d = TRUTH.discrete();
    double air = 21;
    double mass = 18;
    double heat = 150;
    double outdoor = -3;
    double ta = air;
    double tm = mass;
    int n = 90_000;
    double h = TRUTH.stepHours() / n;
    for (int i = 0; i < n; i++) {
      double dAir = (TRUTH.airToOutdoorKwPerK() * (outdoor - ta)
          + TRUTH.airToMassKwPerK() * (tm - ta) + heat) / TRUTH.airCapacityKwhPerK();
      double dMass = (TRUTH.airToMassKwPerK() * (ta - tm)
          + TRUTH.massToOutdoorKwPerK() * (outdoor - tm)) / TRUTH.massCapacityKwhPerK();
      ta += h * dAir;
      tm += h * dMass;
    }
    assertThat(d.nextAir(air, mass, heat, outdoor)).isCloseTo(ta, within(1e-4));
    assertThat(d.nextMass(air, mass, heat, outdoor)).isCloseTo(tm, within(1e-4));
  }

  @Test
  void inSteadyStateTheLossIsTheSeriesAndParallelConductances() {
    // UA = Hao + Ham Hmo / (Ham + Hmo) = 3 + 360/66.
    assertThat(TRUTH.uaKwPerK()).isCloseTo(3 + 360.0 / 66, within(1e-12));
    TwoStateModel.Discrete d = TRUTH.discrete();
    double air = 20;
    double mass = TRUTH.steadyMassC(20, 0);
    double heat = TRUTH.uaKwPerK() * 20;
    assertThat(d.nextAir(air, mass, heat, 0)).isCloseTo(20, within(1e-9));
    assertThat(d.nextMass(air, mass, heat, 0)).isCloseTo(mass, within(1e-9));
  }

  @Test
  void identificationRecoversKnownTwoStateParametersFromNoisyRoundedReadings() {
    BuildingHistory h = SyntheticHistory.generate(TRUTH, 60, 0.05, 0.1, 3);
    Set<LocalDate> heldOut = ModelIdentifier.heldOutDays(h, 5);
    IdentifiedModel one = ModelIdentifier.identify(h, heldOut);

    IdentifiedTwoState two = ModelIdentifier.identifyTwoState(h, heldOut, one.model());

    TwoStateModel m = two.model();
    // Measured: UA within 1 %, Cm +2.4 %, Ca +0.7 %, Ham +3.6 %, Hao +9.5 %, gains +4.5 %.
    assertThat(m.uaKwPerK()).isCloseTo(TRUTH.uaKwPerK(), withinPercentage(3));
    assertThat(m.massCapacityKwhPerK()).isCloseTo(400, withinPercentage(8));
    assertThat(m.airCapacityKwhPerK()).isCloseTo(30, withinPercentage(10));
    assertThat(m.airToMassKwPerK()).isCloseTo(60, withinPercentage(10));
    assertThat(m.airToOutdoorKwPerK()).isCloseTo(3, withinPercentage(20));
    assertThat(m.gainsOccupiedKw()).isCloseTo(30, withinPercentage(10));
    // The day-ahead error on held-out days is the sensor's noise and rounding, not the model's,
    // and the one-state model, whose air follows the heat at once, predicts worse.
    assertThat(two.heldOut().horizonRmseK()).isLessThan(0.1);
    assertThat(two.heldOut().horizonRmseK()).isLessThan(one.heldOut().horizonRmseK());
  }

  @Test
  void theStructureTrackFollowsTheTrueStructureFromTheAirReadingsAlone() {
    BuildingHistory h = SyntheticHistory.generate(TRUTH, 20, 0, 0, 5);
    double[] mass = TwoStateFit.massTrack(TRUTH, h);
    // Replaying the truth from the generator's start (air 20, structure 18) gives the structure.
    TwoStateModel.Discrete d = TRUTH.discrete();
    double air = 20;
    double structure = 18;
    for (int k = 0; k < h.size(); k++) {
      double q = h.heatKw()[k] + TRUTH.freeGainsKw(h.ghiWm2()[k], h.occupied()[k]);
      double nextAir = d.nextAir(air, structure, q, h.outdoorC()[k]);
      structure = d.nextMass(air, structure, q, h.outdoorC()[k]);
      air = nextAir;
      if (k > h.size() / 2) {
        // After the start is forgotten, within what holding the air constant over a step costs.
        assertThat(mass[k]).as("step %d", k).isCloseTo(structure, within(0.1));
      }
    }
  }

  @Test
  void aStructureFarBeyondWhatTheOneStateModelStoresIsRefusedWithTheFigures() {
    // The campus's student union on two months of history: the fit pinned the air to a
    // structure of 8 million kWh/K, which a plan takes for a building that never cools.
    TwoStateModel pinned = new TwoStateModel(0.25, 6.3, 2761, 5e-9, 790, 8.24e6, 3.7, -3750, 1640);
    assertThat(TwoStateFit.implausibility(pinned, 1350))
        .contains("8240790 kWh/K").contains("3 x").contains("1350 kWh/K");
    // The synthetic office stores 430 kWh/K; a one-state model of it about as much.
    assertThat(TwoStateFit.implausibility(TRUTH, 420)).isNull();
  }
}
