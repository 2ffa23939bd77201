package org.heatgrid.forecast.data;

/**
 * A meter CSV refused as a whole (empty, a required column missing, no usable row, an impossible
 * grid). The message names the file and, where one is at fault, the column. Problems confined to
 * single rows are not thrown but reported as {@link BadRow}s.
 */
public class MeterCsvException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MeterCsvException(String message) {
    super(message);
  }
}
