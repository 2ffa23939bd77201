package org.heatgrid.sim.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.site.ComfortBand;
import org.junit.jupiter.api.Test;

/** The ideal heat source: in each zone exactly the heat that holds it at the floor, no more. */
class IdealHeatingPlantTest {

  private static final Scenario CAMPUS = ScenarioLoader.load("campus16");
  private static final Duration SUBSTEP = Duration.ofMinutes(5);

  @Test
  void holdsTheColdestZoneAtTheFloorAndHeatsOnlyWhenItWouldFallBelow() {
    holdsTheColdestZoneAt(0);
  }

  /** The bound at the MPC's margin holds the band's edge plus the margin instead. */
  @Test
  void withAMargin_holdsTheColdestZoneAtTheFloorPlusTheMargin() {
    holdsTheColdestZoneAt(1.1);
  }

  private static void holdsTheColdestZoneAt(double marginK) {
    List<BuildingSpec> specs = CAMPUS.buildings().subList(0, 4);
    Plant plant = new Plant(specs, CAMPUS.weather(), CAMPUS.holidays(), 7);
    StepResult out = new StepResult(specs.size(), 2);
    LocalDateTime t = LocalDateTime.of(2026, 1, 12, 0, 0);
    int heated = 0;
    int unheated = 0;
    // One control step of 5 minutes is one substep, so the end state is the one the source aimed at.
    for (int k = 0; k < 7 * 288; k++, t = t.plus(SUBSTEP)) {
      plant.advanceIdeal(t, SUBSTEP, b -> marginK, out);
      double[][] air = plant.zoneAirC();
      for (int b = 0; b < specs.size(); b++) {
        BuildingSpec s = specs.get(b);
        ComfortBand band = s.comfort();
        boolean held = s.schedule().isOccupied(t, CAMPUS.holidays())
            || s.schedule().isOccupied(t.plus(SUBSTEP), CAMPUS.holidays());
        double floor = (held ? band.occupiedLowC() : band.unoccupiedLowC()) + marginK;
        double coldest = Math.min(air[b][0], air[b][1]);
        for (double zoneC : air[b]) {
          assertThat(zoneC).as("a zone of building %d at %s", b, t).isGreaterThanOrEqualTo(floor - 1e-6);
        }
        if (out.spaceHeatKw[b] > 0) {
          assertThat(coldest).as("building %d at %s", b, t).isCloseTo(floor, org.assertj.core.data.Offset.offset(1e-6));
          heated++;
        } else {
          assertThat(coldest).as("building %d at %s", b, t).isGreaterThanOrEqualTo(floor - 1e-9);
          unheated++;
        }
      }
    }
    // A January week of offices and labs: heated most of the time, free-floating at times.
    assertThat(heated).isGreaterThan(unheated);
    assertThat(unheated).isPositive();
    for (int b = 0; b < specs.size(); b++) {
      EnergyLedger l = plant.ledger(b);
      assertThat(Math.abs(l.imbalanceKwh()) / l.heatSuppliedKwh()).isLessThan(1e-6);
    }
  }
}
