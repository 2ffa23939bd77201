package org.heatgrid.tariff;

import java.time.LocalDateTime;
import java.time.Month;
import java.util.Set;

/** The usage (energy) charge of a tariff, KRW per Mcal, as a function of local time. */
public sealed interface UsageRate {

  /** Usage price in KRW per Mcal for heat delivered in the interval starting at {@code local}. */
  double krwPerMcal(LocalDateTime local);

  /** One price at all times. */
  record Flat(double krwPerMcal) implements UsageRate {
    public Flat {
      Tariff.requirePositive("usage rate krw_per_mcal", krwPerMcal);
    }

    @Override
    public double krwPerMcal(LocalDateTime local) {
      return krwPerMcal;
    }
  }

  /**
   * Time of use: {@code peakKrwPerMcal} from {@code peakStartHour} (inclusive) to {@code
   * peakEndHour} (exclusive) local time in the {@code peakMonths}, {@code offPeakKrwPerMcal} else.
   */
  record TimeOfUse(
      double peakKrwPerMcal,
      double offPeakKrwPerMcal,
      int peakStartHour,
      int peakEndHour,
      Set<Month> peakMonths)
      implements UsageRate {
    public TimeOfUse {
      Tariff.requirePositive("peak rate", peakKrwPerMcal);
      Tariff.requirePositive("off-peak rate", offPeakKrwPerMcal);
      if (peakStartHour < 0 || peakEndHour > 24 || peakStartHour >= peakEndHour) {
        throw new IllegalArgumentException(
            "peak hours must satisfy 0 <= start < end <= 24: " + peakStartHour + "-" + peakEndHour);
      }
      peakMonths = Set.copyOf(peakMonths);
    }

    public boolean isPeak(LocalDateTime local) {
      int h = local.getHour();
      return h >= peakStartHour && h < peakEndHour && peakMonths.contains(local.getMonth());
    }

    @Override
    public double krwPerMcal(LocalDateTime local) {
      return isPeak(local) ? peakKrwPerMcal : offPeakKrwPerMcal;
    }
  }
}
