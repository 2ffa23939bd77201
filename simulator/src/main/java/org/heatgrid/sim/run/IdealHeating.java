package org.heatgrid.sim.run;

import java.time.LocalDate;
import java.util.Map;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.tariff.Tariff;

/**
 * Not a controller but a bound: run by {@link Simulation}, it replaces every substation and its
 * radiators by an ideal heat source that gives each zone, every internal substep, exactly the
 * heat that brings it to the comfort band's lower edge (20 C occupied, 16 C not, or the
 * scenario's band) and nothing when it is warmer, as thermostatic valves with unlimited power
 * would. It knows the plant's true state and
 * needs no preheating time (unlimited power), so no controller that heats through the radiators
 * can hold the band with less heat. It answers how much heat there is left to save, which the
 * oracle, being an MPC itself, cannot.
 */
public final class IdealHeating implements Controller {

  /** What the run records as the command of every step: no setpoint, no limit. */
  static final Command NONE = new Command(Double.NaN, Command.NO_LIMIT);

  private final String name;
  private final double[] marginK;
  private final Tariff tariff;
  private final double basicKrwPerKw;
  private final double[] capacityKw;

  /** The bound at the comfort band's edge. */
  public IdealHeating() {
    this("ideal", null);
  }

  /**
   * The cost-aware ideal: the same source, following a least-cost plan made every day with
   * perfect knowledge of the weather and the schedules and the buildings' own physics (see {@code
   * PreheatPlanner}), so it may preheat the structure before the tariff's peak band. Not a bound:
   * the plans are hourly, internal gains enter them at their expectation and the basic charge
   * per building; {@code CostBound} stays the bound.
   *
   * @param marginK as for {@link #IdealHeating(String, double[])}
   * @param tariff the tariff the plan minimises
   * @param from the run's first recorded day, to spread the basic charge over
   * @param to its last day, inclusive
   * @param leastHeat a run of the least-heat source at the same margins on the same trace, for
   *     the capacity the plans start from ({@link #unavoidableCapacityKw})
   */
  public static IdealHeating costAware(String name, double[] marginK, Tariff tariff,
      LocalDate from, LocalDate to, RunResult leastHeat) {
    return new IdealHeating(name, marginK, tariff, tariff.basicChargeKrw(1, from, to.plusDays(1)),
        unavoidableCapacityKw(leastHeat));
  }

  /**
   * The capacity no plan avoids buying, per building, kW: the highest daily mean heat rate of
   * {@code leastHeat}, a run of the plain ideal source (heat moves between hours of a day, hardly
   * between days). With perfect knowledge the cost-aware plan starts from it, so that it does not
   * pay, on a mild day, to spare capacity that a cold day will buy anyway.
   */
  static double[] unavoidableCapacityKw(RunResult leastHeat) {
    double[][] meters = leastHeat.meterKwh15();
    double[] kw = new double[meters.length];
    for (int b = 0; b < meters.length; b++) {
      for (int day = 0; (day + 1) * 96 <= meters[b].length; day++) {
        double kwh = 0;
        for (int k = day * 96; k < (day + 1) * 96; k++) {
          kwh += meters[b][k];
        }
        kw[b] = Math.max(kw[b], kwh / 24);
      }
    }
    return kw;
  }

  /**
   * The bound of controllers that plan a margin above the band's edge: every zone of building b
   * is held at the edge plus {@code marginK[b]}. A controller that holds its zones at those
   * floors cannot use less heat than this source, up to the sensors' errors (room sensors: 0.15 K
   * calibration sd, see {@code Sensors}).
   *
   * @param name the name reported for the run
   * @param marginK per building in the scenario's order, added to the band's lower edge, K, each
   *     finite and >= 0; null for none
   */
  public IdealHeating(String name, double[] marginK) {
    this(name, marginK, null, 0, null);
  }

  private IdealHeating(String name, double[] marginK, Tariff tariff, double basicKrwPerKw,
      double[] capacityKw) {
    if (marginK != null) {
      for (double m : marginK) {
        if (!(m >= 0) || Double.isInfinite(m)) {
          throw new IllegalArgumentException("ideal heating margin must be finite and >= 0 K: " + m);
        }
      }
    }
    this.name = name;
    this.marginK = marginK == null ? null : marginK.clone();
    this.tariff = tariff;
    this.basicKrwPerKw = basicKrwPerKw;
    this.capacityKw = capacityKw;
  }

  /** Added to building b's comfort band's lower edge, K. */
  public double marginK(int b) {
    return marginK == null ? 0 : marginK[b];
  }

  /** Whether this source follows a least-cost plan ({@link #costAware}). */
  public boolean isCostAware() {
    return tariff != null;
  }

  /** The tariff a cost-aware source plans for; null for a least-heat source. */
  Tariff tariff() {
    return tariff;
  }

  /** The basic charge of one kW of capacity over the run, KRW. */
  double basicKrwPerKw() {
    return basicKrwPerKw;
  }

  /** Per building, the capacity the plans start from, kW (a copy). */
  double[] capacityKw() {
    return capacityKw.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decision decide(Observation o) {
    return new Decision(Map.of());
  }
}
