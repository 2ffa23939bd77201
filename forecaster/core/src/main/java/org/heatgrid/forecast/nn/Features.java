package org.heatgrid.forecast.nn;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.model.ForecastInput;

/**
 * Builds one input row of the network for a building at an issue time, reading the data only
 * through {@link ForecastInput} (so training and serving see exactly what a forecaster may see).
 * Missing inputs are imputed: heat from a week or a day earlier, else the building's mean;
 * temperature from the nearest known step, else the training mean.
 */
final class Features {

  static final int SEASON_HARMONICS = 3;

  private final FeatureSpec spec;
  private final Scaling scaling;
  private final HolidayCalendar holidays;

  Features(FeatureSpec spec, Scaling scaling, HolidayCalendar holidays) {
    this.spec = spec;
    this.scaling = scaling;
    this.holidays = holidays;
  }

  /**
   * Writes the inputs into {@code row} from {@code offset}.
   *
   * @param b building index in the data
   * @param m building index in the model's spec
   */
  void write(ForecastInput in, int b, int m, float[] row, int offset) {
    int i = in.issue();
    int spd = spec.stepsPerDay();
    int h = spec.horizon();
    int o = offset;
    for (int k = i - spd; k < i; k++) {
      row[o++] = (float) scaling.heat(m, heat(in, b, m, k));
    }
    for (int k = i - 7 * spd; k < i - 7 * spd + h; k++) {
      row[o++] = (float) scaling.heat(m, heat(in, b, m, k));
    }
    for (int d = 0; d < spec.lagDays(); d++) {
      double s = 0;
      for (int k = i - (d + 1) * spd; k < i - d * spd; k++) {
        s += heat(in, b, m, k);
      }
      row[o++] = (float) scaling.heat(m, s / spd);
    }
    for (int k = i; k < i + h; k++) {
      row[o++] = (float) scaling.temp(outdoor(in, b, k));
    }
    if (spec.useGhi()) {
      for (int k = i; k < i + h; k++) {
        double g = in.ghiWm2(b, k);
        row[o++] = (float) Scaling.ghi(Double.isFinite(g) ? g : 0);
      }
    }
    // The last day's temperatures: with the forecast day's they give the change in weather,
    // which moves the load away from yesterday's.
    for (int k = i - spd; k < i; k++) {
      row[o++] = (float) scaling.temp(outdoor(in, b, k));
    }
    LocalDateTime local = in.localTime(i);
    LocalDate day = local.toLocalDate();
    row[o + day.getDayOfWeek().getValue() - 1] = 1;
    o += 7;
    row[o++] = holiday(day) ? 1 : 0;
    row[o++] = holiday(day.minusDays(1)) ? 1 : 0;
    // Three harmonics of the year: enough to place a term break or a Christmas closure.
    double season = 2 * Math.PI * day.getDayOfYear() / 365.25;
    for (int harmonic = 1; harmonic <= SEASON_HARMONICS; harmonic++) {
      row[o++] = (float) Math.sin(harmonic * season);
      row[o++] = (float) Math.cos(harmonic * season);
    }
    double clock = 2 * Math.PI * (local.getHour() * 60 + local.getMinute()) / 1440.0;
    row[o++] = (float) Math.sin(clock);
    row[o++] = (float) Math.cos(clock);
    row[o + m] = 1;
  }

  /** Heat at step {@code k < issue}, imputed when missing. */
  private double heat(ForecastInput in, int b, int m, int k) {
    int spd = spec.stepsPerDay();
    double v = in.heatKw(b, k);
    if (Double.isFinite(v)) {
      return v;
    }
    for (int back : new int[] {7 * spd, spd, 14 * spd}) {
      double w = in.heatKw(b, k - back);
      if (Double.isFinite(w)) {
        return w;
      }
    }
    return scaling.heatScaleKw().get(m);
  }

  private double outdoor(ForecastInput in, int b, int k) {
    double v = in.outdoorC(b, k);
    if (Double.isFinite(v)) {
      return v;
    }
    for (int d = 1; d <= 6; d++) {
      double before = in.outdoorC(b, k - d);
      if (Double.isFinite(before)) {
        return before;
      }
    }
    return scaling.tempMeanC();
  }

  /** Holiday flag; years the calendar does not cover count as no holiday (see the README). */
  private boolean holiday(LocalDate d) {
    return d.getYear() >= holidays.firstYear() && d.getYear() <= holidays.lastYear()
        && holidays.isHoliday(d);
  }
}
