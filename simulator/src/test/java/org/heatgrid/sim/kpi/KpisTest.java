package org.heatgrid.sim.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.Set;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.junit.jupiter.api.Test;

/** Each KPI on a case small enough to compute by hand. */
class KpisTest {

  private static final Tariff TOU = new Tariff("test", 400,
      new UsageRate.TimeOfUse(130, 110, 7, 10, Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY)));

  @Test
  void discomfortIntegratesDeviationsBelowAndAboveTheBand() {
    double[] t = {19.0, 20.5, 25.0, 15.0};
    double[] low = {20, 20, 20, 16};
    double[] high = {24, 24, 24, 28};
    // 1 K below for 0.25 h, in band, 1 K above for 0.25 h, 1 K below (unoccupied band) 0.25 h.
    assertThat(Kpis.discomfortKh(t, low, high, null, 0.25)).isCloseTo(0.75, within(1e-12));
    boolean[] occupied = {true, true, true, false};
    assertThat(Kpis.discomfortKh(t, low, high, occupied, 0.25)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void energyAndPeakComeFromFifteenMinuteWindows() {
    double[] kwh = {100, 250, 50};
    assertThat(Kpis.energyKwh(kwh)).isEqualTo(400);
    assertThat(Kpis.peakKw(kwh)).isEqualTo(1000); // 250 kWh in 0.25 h
    assertThat(Kpis.peakWindow(kwh)).isEqualTo(1);
  }

  @Test
  void usageCostPricesEachWindowByItsStartTime() {
    // 06:45 off-peak, 07:00 and 09:45 peak, 10:00 off-peak (January).
    LocalDateTime start = LocalDateTime.of(2026, 1, 5, 6, 45);
    double[] kwh = new double[14];
    kwh[0] = 116.3;  // 100 Mcal at 110
    kwh[1] = 116.3;  // 100 Mcal at 130
    kwh[12] = 116.3; // 09:45, 100 Mcal at 130
    kwh[13] = 116.3; // 10:00, 100 Mcal at 110
    assertThat(Kpis.usageCostKrw(kwh, start, TOU)).isCloseTo(11000 + 13000 + 13000 + 11000, within(1e-6));
  }

  @Test
  void peakBandShareIsTheHeatInThePeakWindowsOverAllHeat() {
    // 06:45 off-peak, 07:00 and 09:45 peak, 10:00 off-peak (January): 300 of 500 kWh in the band.
    LocalDateTime start = LocalDateTime.of(2026, 1, 5, 6, 45);
    double[] kwh = new double[14];
    kwh[0] = 100;
    kwh[1] = 200;
    kwh[12] = 100;
    kwh[13] = 100;
    assertThat(Kpis.peakBandShare(kwh, start, TOU)).isCloseTo(0.6, within(1e-12));
    assertThat(Kpis.peakBandShare(kwh, start.withMonth(3), TOU)).as("no band in March").isZero();
    assertThat(Kpis.peakBandShare(kwh, start, new Tariff("flat", 400, new UsageRate.Flat(110))))
        .isZero();
    assertThat(Kpis.peakBandShare(new double[3], start, TOU)).as("no heat").isZero();
  }

  @Test
  void peakBandAppliesOnlyInItsMonths() {
    LocalDateTime march = LocalDateTime.of(2026, 3, 2, 8, 0);
    assertThat(Kpis.usageCostKrw(new double[] {116.3}, march, TOU)).isCloseTo(11000, within(1e-6));
  }

  @Test
  void basicChargeIsMonthlyOnThePeakInMcalPerHour() {
    // 1163 kW = 1000 Mcal/h; Nov 1 to Mar 31 = 5 months; 400 KRW per Mcal/h per month.
    double krw = TOU.basicChargeKrw(1163, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 4, 1));
    assertThat(krw).isCloseTo(1000 * 400 * 5, within(1e-6));
    // Half of a 30-day month.
    assertThat(Tariff.months(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 16))).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void timeRatioIsControllerTimeOverControlTime() {
    assertThat(Kpis.timeRatio(9, 10, 900)).isCloseTo(0.001, within(1e-15));
  }

  @Test
  void ratiosAreExactlyOneAgainstThemselvesAndUndefinedOnAZeroReference() {
    KpiSet k = new KpiSet(3, 2, 1, 4, 5, 6, 0, 0, 1e-7, 0.12);
    KpiSet r = k.ratioTo(k);
    assertThat(r).isEqualTo(new KpiSet(1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    assertThat(Kpis.ratio(2, 0)).isNaN();
    assertThat(Kpis.ratio(1.5, 3)).isEqualTo(0.5);
  }
}
