package org.heatgrid.control.baseline;

/**
 * A building's commissioned adjustment of the heating curve: a parallel shift of the room target
 * and a slope factor on the supply temperature's excess over the room target. Commissioning
 * finds them; the shipped scenario records them.
 *
 * @param shiftK parallel shift, K (negative lowers the curve)
 * @param slope slope factor, 1 for the design curve
 */
public record CurveTrim(double shiftK, double slope) {

  public static final CurveTrim NONE = new CurveTrim(0, 1);

  public CurveTrim {
    if (!Double.isFinite(shiftK) || !(slope > 0) || Double.isInfinite(slope)) {
      throw new IllegalArgumentException("curve trim needs a finite shift and a positive slope: "
          + shiftK + ", " + slope);
    }
  }
}
