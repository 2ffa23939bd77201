package org.heatgrid.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;
import org.heatgrid.sim.compare.Comparison;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.junit.jupiter.api.Test;

/**
 * The cost-aware ideal plans with the plant's own physics: where the price does not vary it holds
 * the floor for the heat of the least-heat source, and where the peak band is dear enough it
 * stores heat in the structure before the band, paying heat for a lower bill, at equal comfort.
 */
class CostAwareIdealTest {

  private static final Scenario WEEK = ScenarioLoader.load("campus16")
      .withPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11));
  private static final double OFF_PEAK_KRW_PER_MCAL = 109.41;

  @Test
  void onAFlatTariff_itHoldsTheFloorWithTheIdealsHeat() throws InterruptedException {
    Comparison c = run(OFF_PEAK_KRW_PER_MCAL);
    KpiSet ideal = c.kpis().get("ideal").cluster();
    KpiSet planned = c.kpis().get("ideal-cost").cluster();
    // A plan on a wrong model of the building would heat early for nothing, or late and leave
    // the source to top it up at a worse moment: either costs heat.
    assertThat(planned.energyMwh()).isBetween(ideal.energyMwh(), ideal.energyMwh() * 1.01);
    assertThat(planned.tdisOccupiedKhPerZone()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void whereThePeakBandCostsTwiceTheRest_itPreheatsBeforeIt() throws InterruptedException {
    Comparison c = run(2 * OFF_PEAK_KRW_PER_MCAL);
    KpiSet ideal = c.kpis().get("ideal").cluster();
    KpiSet planned = c.kpis().get("ideal-cost").cluster();
    assertThat(planned.peakBandShare()).isLessThan(ideal.peakBandShare() - 0.10);
    assertThat(planned.energyMwh()).isGreaterThan(ideal.energyMwh());
    assertThat(planned.costKrw()).isLessThan(ideal.costKrw() * 0.97);
    assertThat(planned.tdisOccupiedKhPerZone()).isLessThanOrEqualTo(0.01);
    c.kpis().get("ideal-cost").buildings().forEach((id, k) ->
        assertThat(k.tdisOccupiedKhPerZone()).as("occupied discomfort of %s", id)
            .isLessThanOrEqualTo(0.05));
  }

  private static Comparison run(double peakKrwPerMcal) throws InterruptedException {
    Tariff campus = WEEK.tariff();
    Tariff tariff = new Tariff("test", campus.basicKrwPerMcalhMonth(),
        new UsageRate.TimeOfUse(peakKrwPerMcal, OFF_PEAK_KRW_PER_MCAL, 7, 10,
            Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY)));
    return Comparison.run(WEEK.withTariff(tariff), List.of("baseline", "ideal", "ideal-cost"),
        MpcParameters.DEFAULTS);
  }
}
