package org.heatgrid.sim.plant;

import java.time.LocalDateTime;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.site.ComfortBand;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The cost-aware ideal's plan for one building: the zone heats, hour by hour, that hold every
 * zone at its floor for the least heat bill, as a linear program on the building's own physics.
 *
 * <ul>
 *   <li>Perfect knowledge: the weather and the schedule are the trace's own; internal gains are
 *       their expectation (the random day and hour factors have mean 1 and are drawn as the run
 *       goes, so no plan may read them). The source tops up whatever the plan falls short of.
 *   <li>The building's exact dynamics: the plant's implicit-Euler substeps composed over each
 *       hour, four states (air and structure of two zones), heat into each zone shared between
 *       air and structure as radiators share it. Windows and blinds, the only non-linear part, are
 *       kept out of play by holding the air at or below {@link #CAP_C} in use (a soft bound); an empty
 *       building's air may rise to its band's upper edge.
 *   <li>Unlimited power, so the plan may preheat the structure before the tariff's peak band as
 *       much as pays. The basic charge prices the building's hourly peak above what is already
 *       bought, at the whole run's rate per kW: the cluster's peak is at most the sum of the
 *       buildings', so this overprices it rather than ignoring it.
 * </ul>
 */
final class PreheatPlanner {

  /** Above this the occupants draw blinds (and open windows 0.5 K later): the plan stays below. */
  static final double CAP_C = BuildingModel.BLINDS_C;
  /** Price of one kelvin above the cap at one hour's end, KRW: far above any heat it saves. */
  private static final double OVER_CAP_KRW_PER_K = 1e6;
  private static final double PROBE_W = 1000;
  private static final Logger LOG = Logger.getLogger(PreheatPlanner.class.getName());

  /** The inputs shared by every building over one substep. */
  interface AmbientSource {
    BuildingModel.Ambient at(LocalDateTime t, int dtS);
  }

  private final BuildingModel building;
  private final HolidayCalendar holidays;
  private final AmbientSource ambient;
  private final int dtS;
  private final int substepsPerHour;

  PreheatPlanner(BuildingModel building, HolidayCalendar holidays, AmbientSource ambient,
      int dtS) {
    if (3600 % dtS != 0) {
      throw new IllegalArgumentException("substep must divide an hour: " + dtS + " s");
    }
    this.building = building;
    this.holidays = holidays;
    this.ambient = ambient;
    this.dtS = dtS;
    this.substepsPerHour = 3600 / dtS;
  }

  /**
   * @param peakSoFarKw per building, kW; entry {@code index} is raised to this plan's peak
   * @return the optimum, or no heat (the plain ideal source) where the program has none
   */
  Result plan(LocalDateTime start, int hours, double marginK,
      ToDoubleFunction<LocalDateTime> usageKrwPerKwh, double basicKrwPerKw, double[] peakSoFarKw,
      int index) {
    int zones = building.zones.length;
    int states = 2 * zones;
    HourMap[] maps = new HourMap[hours];
    double[] hotWaterKw = new double[hours];
    for (int h = 0; h < hours; h++) {
      maps[h] = hourMap(start.plusHours(h), states, zones);
      hotWaterKw[h] = maps[h].hotWaterKw;
    }
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][] u = new Variable[zones][hours];
    Variable[][] x = new Variable[states][hours + 1];
    Variable peak = model.addVariable("P").lower(peakSoFarKw[index]).weight(basicKrwPerKw);
    double[] x0 = building.state();
    double[] floors = new double[hours + 1];
    ComfortBand band = building.spec.comfort();
    for (int h = 0; h < hours; h++) {
      LocalDateTime t = start.plusHours(h);
      double price = usageKrwPerKwh.applyAsDouble(t);
      Expression load = model.addExpression("peak" + h).upper(-hotWaterKw[h]).set(peak, -1);
      for (int z = 0; z < zones; z++) {
        u[z][h] = model.addVariable("u" + z + "_" + h).lower(0).weight(price);
        load.set(u[z][h], 1);
      }
      // The floor of the hour's last substep, which holds at the hour's end.
      LocalDateTime last = t.plusHours(1).minusSeconds(dtS);
      double floor = building.idealFloorC(last, dtS, holidays, marginK);
      boolean held = building.heldOccupied(last, dtS, holidays);
      floors[h + 1] = floor;
      // Occupants draw blinds and open windows only in use: an empty building may store heat up
      // to its band's upper edge.
      double cap = Math.max(held ? Math.min(CAP_C, band.occupiedHighC()) : band.unoccupiedHighC(),
          floor + 0.5);
      for (int i = 0; i < states; i++) {
        x[i][h + 1] = model.addVariable("x" + i + "_" + (h + 1));
      }
      for (int z = 0; z < zones; z++) {
        x[2 * z][h + 1].lower(floor);
        Variable over = model.addVariable("s" + z + "_" + (h + 1)).lower(0)
            .weight(OVER_CAP_KRW_PER_K);
        model.addExpression("cap" + z + "_" + (h + 1)).upper(cap)
            .set(x[2 * z][h + 1], 1).set(over, -1);
      }
      // x[h+1] - Phi x[h] - Gamma u[h] = w, with x[0] known.
      HourMap m = maps[h];
      for (int i = 0; i < states; i++) {
        double level = m.w[i];
        Expression e = model.addExpression("dyn" + i + "_" + h).set(x[i][h + 1], 1);
        for (int j = 0; j < states; j++) {
          if (h == 0) {
            level += m.phi[i][j] * x0[j];
          } else {
            e.set(x[j][h], -m.phi[i][j]);
          }
        }
        for (int z = 0; z < zones; z++) {
          e.set(u[z][h], -m.gammaPerKw[i][z]);
        }
        e.level(level);
      }
    }
    Optimisation.Result result = model.minimise();
    double[][] heatW = new double[zones][hours];
    double[][] airC = new double[zones][hours + 1];
    if (!result.getState().isOptimal()) {
      // Without a plan the source holds the floor just in time: the run goes on as the least-heat
      // source for these hours, and says so.
      LOG.warning(() -> "building " + building.spec.id() + ": no least-cost plan from " + start
          + " (ojAlgo: " + result.getState() + "); the ideal source holds the floor without one");
      return new Result(heatW, airC, floors);
    }
    double peakKw = 0;
    for (int h = 0; h < hours; h++) {
      double total = hotWaterKw[h];
      for (int z = 0; z < zones; z++) {
        heatW[z][h] = Math.max(0, u[z][h].getValue().doubleValue()) * 1000;
        total += heatW[z][h] / 1000;
        airC[z][h] = h == 0 ? x0[2 * z] : x[2 * z][h].getValue().doubleValue();
        airC[z][h + 1] = x[2 * z][h + 1].getValue().doubleValue();
      }
      peakKw = Math.max(peakKw, total);
    }
    peakSoFarKw[index] = Math.max(peakSoFarKw[index], peakKw);
    return new Result(heatW, airC, floors);
  }

  /**
   * @param heatW per zone and hour, W
   * @param airC per zone and hour boundary (the start, then each hour's end), C
   * @param floorC per hour boundary, the comfort floor the plan held there, C
   */
  record Result(double[][] heatW, double[][] airC, double[] floorC) {}

  private boolean isOccupied(LocalDateTime t) {
    return building.spec.schedule().isOccupied(t, holidays);
  }

  /** One hour's affine map {@code x' = phi x + gamma u + w}, u constant over the hour, in kW. */
  private record HourMap(double[][] phi, double[][] gammaPerKw, double[] w, double hotWaterKw) {}

  /** Composes the hour's substeps by probing the linear building: free, per state, per zone heat. */
  private HourMap hourMap(LocalDateTime hourStart, int states, int zones) {
    // The inputs of each substep, the same for every probe.
    BuildingModel.Ambient[] env = new BuildingModel.Ambient[substepsPerHour];
    boolean[] occupied = new boolean[substepsPerHour];
    double hotWaterW = 0;
    for (int k = 0; k < substepsPerHour; k++) {
      LocalDateTime t = hourStart.plusSeconds((long) k * dtS);
      env[k] = ambient.at(t, dtS);
      occupied[k] = isOccupied(t);
      hotWaterW += building.expectedHotWaterW(env[k], occupied[k]) / substepsPerHour;
    }
    double[] noHeat = new double[zones];
    double[] w = run(env, occupied, new double[states], noHeat);
    double[][] phi = new double[states][states];
    for (int j = 0; j < states; j++) {
      double[] x = new double[states];
      x[j] = 1;
      double[] r = run(env, occupied, x, noHeat);
      for (int i = 0; i < states; i++) {
        phi[i][j] = r[i] - w[i];
      }
    }
    double[][] gamma = new double[states][zones];
    for (int z = 0; z < zones; z++) {
      double[] heat = new double[zones];
      heat[z] = PROBE_W;
      double[] r = run(env, occupied, new double[states], heat);
      for (int i = 0; i < states; i++) {
        gamma[i][z] = (r[i] - w[i]) / PROBE_W * 1000;
      }
    }
    return new HourMap(phi, gamma, w, hotWaterW / 1000);
  }

  private double[] run(BuildingModel.Ambient[] env, boolean[] occupied, double[] state,
      double[] heatW) {
    for (int k = 0; k < env.length; k++) {
      building.advanceLinear(dtS, env[k], heatW, building.expectedGainsWm2(occupied[k]),
          occupied[k], state);
    }
    return state;
  }
}
