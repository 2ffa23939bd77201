package org.heatgrid.tariff;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A Korean district-heating heat tariff (KDHC structure): a monthly basic charge per contracted
 * capacity in KRW per (Mcal/h) plus a usage charge per Mcal. Prices exclude VAT.
 *
 * @param name what the tariff is, with its effective date
 * @param basicKrwPerMcalhMonth basic charge, KRW per Mcal/h of contracted capacity per month
 * @param usage usage charge
 */
public record Tariff(String name, double basicKrwPerMcalhMonth, UsageRate usage) {

  /** 1 Mcal = 1.163 kWh (the tariff's own conversion). */
  public static final double KWH_PER_MCAL = 1.163;

  public Tariff {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
    if (!(basicKrwPerMcalhMonth >= 0) || Double.isInfinite(basicKrwPerMcalhMonth)) {
      throw new IllegalArgumentException(
          "basic charge must be finite and >= 0: " + basicKrwPerMcalhMonth);
    }
  }

  /** Usage price in KRW per kWh for the interval starting at {@code local}. */
  public double usageKrwPerKwh(LocalDateTime local) {
    return usage.krwPerMcal(local) / KWH_PER_MCAL;
  }

  /**
   * Basic charge for a capacity held over {@code [from, toExclusive)}: full months count once,
   * partial months pro rata by days.
   *
   * @param capacityKw contracted capacity in kW (converted to Mcal/h)
   */
  public double basicChargeKrw(double capacityKw, LocalDate from, LocalDate toExclusive) {
    return basicKrwPerMcalhMonth * capacityKw / KWH_PER_MCAL * months(from, toExclusive);
  }

  /** Billing months in {@code [from, toExclusive)}: each day counts 1/(days in its month). */
  public static double months(LocalDate from, LocalDate toExclusive) {
    double m = 0;
    for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
      m += 1.0 / d.lengthOfMonth();
    }
    return m;
  }

  static void requirePositive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and > 0: " + v);
    }
  }
}
