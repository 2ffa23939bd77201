package org.heatgrid.forecast.baseline;

/**
 * Time-of-week-and-temperature regression (TOWT), the measurement-and-verification baseline of
 * LBNL (Mathieu, Price, Kiliccote and Piette 2011, "Quantifying changes in building electricity
 * use, with application to demand response", IEEE Trans. Smart Grid 2(3)). Per building:
 *
 * <pre>
 *   heat(k) = alpha[tow(k)] + sum_{j=0..5} beta_j * c_j(T(k))
 * </pre>
 * {@code tow(k)}: the step of the week in local time (168 intercepts on an hourly grid, 672 on a
 * 15-minute one); {@code c_j}: the piecewise-linear temperature components with change points at
 * 0, 5, 10, 15, 20 C ({@link TemperatureSegments}); {@code T(k)}: the outdoor temperature of the
 * target step (the protocol gives the day's weather). Fitted by least squares on the 365 days
 * before the training end; see {@link TowBase} for missing data and degenerate cases. Simplified
 * from the paper: one model for all hours (no occupied/unoccupied split of the temperature term).
 */
public final class Towt extends TowBase {

  public static final String NAME = "towt";

  public Towt() {
    this(DEFAULT_WINDOW_DAYS);
  }

  /** @param windowDays training window, days before the training end */
  public Towt(int windowDays) {
    super(windowDays, false, false);
  }

  @Override
  public String name() {
    return NAME;
  }
}
