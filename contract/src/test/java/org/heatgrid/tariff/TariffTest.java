package org.heatgrid.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.time.Month;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TariffTest {

  private final UsageRate.TimeOfUse tou = new UsageRate.TimeOfUse(132.42, 109.41, 7, 10,
      Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY));

  @Test
  void peakBandIsSevenToTenInWinterMonths() {
    assertThat(tou.krwPerMcal(LocalDateTime.of(2026, 1, 5, 6, 59))).isEqualTo(109.41);
    assertThat(tou.krwPerMcal(LocalDateTime.of(2026, 1, 5, 7, 0))).isEqualTo(132.42);
    assertThat(tou.krwPerMcal(LocalDateTime.of(2026, 1, 5, 9, 59))).isEqualTo(132.42);
    assertThat(tou.krwPerMcal(LocalDateTime.of(2026, 1, 5, 10, 0))).isEqualTo(109.41);
    assertThat(tou.krwPerMcal(LocalDateTime.of(2025, 11, 5, 8, 0))).isEqualTo(109.41);
  }

  @Test
  void pricePerKwhUsesTheTariffsOwnConversion() {
    Tariff t = new Tariff("t", 0, new UsageRate.Flat(116.3));
    assertThat(t.usageKrwPerKwh(LocalDateTime.of(2026, 1, 1, 0, 0))).isCloseTo(100, within(1e-12));
  }

  @Test
  void badRatesAreRefused() {
    assertThatThrownBy(() -> new UsageRate.Flat(-1)).hasMessageContaining("must be finite and > 0: -1");
    assertThatThrownBy(() -> new UsageRate.TimeOfUse(1, 1, 10, 7, Set.of()))
        .hasMessageContaining("peak hours");
    assertThatThrownBy(() -> new Tariff("t", Double.NaN, new UsageRate.Flat(1)))
        .hasMessageContaining("basic charge");
  }
}
