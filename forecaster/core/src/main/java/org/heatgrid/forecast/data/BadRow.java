package org.heatgrid.forecast.data;

/**
 * One problem found in a meter CSV row. Rows with a problem are not used, except for kind
 * {@code bad_ghi_wm2}: irradiance is optional, so an unreadable value becomes missing and the row's
 * heat and temperature are kept (the problem is still reported, so nothing changes silently).
 *
 * @param line 1-based line number in the file (the header is line 1)
 * @param column the column at fault ({@code timestamp}, {@code heat_kw}, ...; {@code row} for the
 *     field count)
 * @param kind the count key in {@link MeterCsv.Result#counts()}, e.g. {@code bad_timestamp}
 * @param reason what is wrong, with the offending text
 */
public record BadRow(int line, String column, String kind, String reason) {

  @Override
  public String toString() {
    return "line " + line + ", " + column + ": " + reason;
  }
}
