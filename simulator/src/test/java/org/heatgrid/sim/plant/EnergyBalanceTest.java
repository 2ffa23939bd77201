package org.heatgrid.sim.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.heatgrid.control.api.Command;
import org.heatgrid.fallback.HeatingCurve;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class EnergyBalanceTest {

  private static final Scenario CAMPUS = ScenarioLoader.load("campus16");

  @Test
  void energyBalanceClosesOverASeasonForEveryBuilding() {
    Plant plant = run(CAMPUS.buildings(), (b, outdoor, k) ->
        Command.supply(HeatingCurve.RADIATORS_70_50.supplyC(20, outdoor)), 151);
    for (int b = 0; b < plant.size(); b++) {
      EnergyLedger l = plant.ledger(b);
      assertThat(l.heatSuppliedKwh()).isPositive();
      double in = l.heatSuppliedKwh() + l.solarKwh() + l.internalKwh();
      double out = l.envelopeLossKwh() + l.ventilationLossKwh() + l.hotWaterKwh() + l.storageChangeKwh();
      assertThat(Math.abs(in - out) / l.heatSuppliedKwh())
          .as("relative imbalance of building %d", b).isLessThan(0.001);
    }
  }

  @Test
  void energyBalanceClosesWhenLimitsBindAndHeatingStops() {
    // Alternate hours of a tight heat limit, full supply and pump off: every branch of the step.
    Plant plant = run(CAMPUS.buildings().subList(0, 4), (b, outdoor, k) -> switch ((int) ((k / 4) % 3)) {
      case 0 -> new Command(90, 50);
      case 1 -> Command.supply(90);
      default -> Command.supply(10);
    }, 30);
    for (int b = 0; b < plant.size(); b++) {
      EnergyLedger l = plant.ledger(b);
      assertThat(Math.abs(l.imbalanceKwh()) / l.heatSuppliedKwh()).isLessThan(1e-6);
    }
  }

  @Test
  void heatLimitCapsTheSubstationHeatRate() {
    StepResult out = new StepResult(1, 2);
    Plant plant = new Plant(CAMPUS.buildings().subList(0, 1), CAMPUS.weather(), CAMPUS.holidays(), 1);
    LocalDateTime t = LocalDateTime.of(2026, 1, 15, 3, 0);
    plant.advance(t, Duration.ofMinutes(15), new Command[] {new Command(80, 100)}, out);
    assertThat(out.heatKw[0]).isLessThanOrEqualTo(100.0 + 1e-6).isGreaterThan(90);
  }

  interface Policy {
    Command command(int building, double outdoorC, long step);
  }

  static Plant run(List<BuildingSpec> specs, Policy policy, int days) {
    Plant plant = new Plant(specs, CAMPUS.weather(), CAMPUS.holidays(), 7);
    StepResult out = new StepResult(specs.size(), 2);
    Command[] commands = new Command[specs.size()];
    LocalDateTime t = LocalDateTime.of(2025, 11, 1, 0, 0);
    for (long k = 0; k < days * 96L; k++, t = t.plusMinutes(15)) {
      for (int b = 0; b < specs.size(); b++) {
        commands[b] = policy.command(b, CAMPUS.weather().outdoorC(t), k);
      }
      plant.advance(t, Duration.ofMinutes(15), commands, out);
    }
    return plant;
  }
}
