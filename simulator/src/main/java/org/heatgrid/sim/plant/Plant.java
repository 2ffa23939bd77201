package org.heatgrid.sim.plant;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.sim.weather.WeatherTrace;
import org.heatgrid.site.BuildingInfo;

/**
 * The virtual campus: buildings, substations and sensors under one weather. Advance it one
 * control step at a time with a command per building; read back what the gateways measured
 * ({@link #telemetry}) and, for KPIs only, the true state ({@link StepResult}).
 *
 * <p>Deterministic for a seed: random use (gains, hot water) and sensor noise come from separate
 * streams per building that depend on time only, so every controller meets the same trace.
 */
public final class Plant {

  /** Internal integration step, s: at most 5 minutes, dividing both control step and 15 minutes. */
  static final int MAX_SUBSTEP_S = 300;
  private static final int METER_WINDOW_S = 900;
  private static final double INITIAL_C = 20;

  private final List<BuildingModel> buildings = new ArrayList<>();
  private final List<Sensors> sensors = new ArrayList<>();
  private final WeatherTrace weather;
  private final HolidayCalendar holidays;
  private final Telemetry[] telemetry;
  private final MeterLog[] meters;
  private PreheatPlan plan;

  public Plant(List<BuildingSpec> specs, WeatherTrace weather, HolidayCalendar holidays, long seed) {
    this.weather = weather;
    this.holidays = holidays;
    SplittableRandom root = new SplittableRandom(seed);
    for (BuildingSpec s : specs) {
      // Two independent streams per building, split in a fixed order.
      buildings.add(new BuildingModel(s, root.split(), INITIAL_C));
      sensors.add(new Sensors(root.split(), s.id(), 2));
    }
    telemetry = new Telemetry[specs.size()];
    meters = new MeterLog[specs.size()];
    for (int i = 0; i < meters.length; i++) {
      meters[i] = new MeterLog();
    }
  }

  /** What the operator knows of each building: the public part of its description. */
  public List<BuildingInfo> buildingInfos() {
    List<BuildingInfo> infos = new ArrayList<>();
    for (BuildingModel m : buildings) {
      BuildingSpec s = m.spec;
      infos.add(new BuildingInfo(s.id(), s.name(), s.type().key(), s.floorAreaM2(), m.zones.length,
          s.schedule(), s.comfort(), m.capacityW / 1000, s.supplyMaxC()));
    }
    return infos;
  }

  public int size() {
    return buildings.size();
  }

  /** Zones per building (the same for all). */
  public int zonesPerBuilding() {
    return buildings.get(0).zones.length;
  }

  /**
   * Advances all buildings over {@code [start, start + step)}.
   *
   * @param commands per building, in the order of construction; must be valid ({@link
   *     Command#isValid()}): the caller substitutes fallbacks
   * @param out receives the true means over the step
   */
  public void advance(LocalDateTime start, Duration step, Command[] commands, StepResult out) {
    advanceWith(start, step, commands, null, out);
  }

  /**
   * Advances all buildings over {@code [start, start + step)} with an ideal heat source instead
   * of commands: each building gets the least heat that keeps its coldest zone at the comfort
   * band's lower edge plus its margin (see {@code BuildingModel.stepIdeal}), or the air of a
   * plan made by {@link #planPreheat} while that plan heats the zone. A bound on heat, not a
   * controller.
   *
   * @param marginK building b's margin above the band's edge, K
   */
  public void advanceIdeal(LocalDateTime start, Duration step, IntToDoubleFunction marginK,
      StepResult out) {
    advanceWith(start, step, null, marginK, out);
  }

  /**
   * Makes the least-cost plan of every building over {@code hours} hours from {@code start}, with
   * perfect knowledge of the weather and the schedules, each building's exact linear physics and
   * unlimited power (see {@link PreheatPlanner}), and from then on holds each zone of the ideal
   * source at the plan's air temperature while the plan heats it (see {@link PreheatPlan}).
   *
   * @param marginK building b's margin above the band's edge, K
   * @param usageKrwPerKwh the usage price of the hour starting at a time
   * @param basicKrwPerKw the basic charge of one kW of capacity over the whole run
   * @param peakSoFarKw per building, the capacity already bought, kW; raised to the plan's peak
   */
  public void planPreheat(LocalDateTime start, int hours, IntToDoubleFunction marginK,
      ToDoubleFunction<LocalDateTime> usageKrwPerKwh, double basicKrwPerKw, double[] peakSoFarKw) {
    double[][][] heat = new double[buildings.size()][][];
    double[][][] air = new double[buildings.size()][][];
    double[][] floors = new double[buildings.size()][];
    for (int b = 0; b < heat.length; b++) {
      PreheatPlanner planner = new PreheatPlanner(buildings.get(b), holidays, this::ambient,
          MAX_SUBSTEP_S);
      PreheatPlanner.Result r = planner.plan(start, hours, marginK.applyAsDouble(b),
          usageKrwPerKwh, basicKrwPerKw, peakSoFarKw, b);
      heat[b] = r.heatW();
      air[b] = r.airC();
      floors[b] = r.floorC();
    }
    plan = new PreheatPlan(start, heat, air, floors);
  }

  /** The inputs shared by every building over the substep of {@code dt} s starting at {@code t}. */
  private BuildingModel.Ambient ambient(LocalDateTime t, int dt) {
    LocalDateTime mid = t.plusSeconds(dt / 2);
    double to = weather.outdoorC(mid);
    long epochSecond = t.toEpochSecond(ZoneOffset.UTC);
    return new BuildingModel.Ambient(to, weather.ghiWm2(mid), groundC(t), primarySupplyC(to),
        Math.floorDiv(epochSecond, 3600), t.getHour());
  }

  private void advanceWith(LocalDateTime start, Duration step, Command[] commands,
      IntToDoubleFunction marginK, StepResult out) {
    int stepS = (int) step.toSeconds();
    int dt = substepSeconds(stepS);
    int n = stepS / dt;
    out.clear();
    double[][] sums = new double[buildings.size()][4]; // flow kg/s, primary return*flow, ...
    for (int k = 0; k < n; k++) {
      LocalDateTime t = start.plusSeconds((long) k * dt);
      BuildingModel.Ambient env = ambient(t, dt);
      boolean windowEnds = (t.toEpochSecond(ZoneOffset.UTC) + dt) % METER_WINDOW_S == 0;
      out.outdoorC += env.outdoorC() / n;
      out.ghiWm2 += env.ghiWm2() / n;
      for (int b = 0; b < buildings.size(); b++) {
        BuildingModel m = buildings.get(b);
        boolean occupied = m.spec.schedule().isOccupied(t, holidays);
        if (commands == null) {
          m.stepIdeal(dt, env, m.idealFloorC(t, dt, holidays, marginK.applyAsDouble(b)), occupied,
              plan, b, t.plusSeconds(dt));
        } else {
          Command c = commands[b];
          m.step(dt, env, c.supplySetpointC(), c.heatLimitKw() * 1000, occupied);
        }
        double heatKw = (m.lastSpaceHeatW + m.lastHotWaterW) / 1000;
        out.heatKw[b] += heatKw / n;
        out.spaceHeatKw[b] += m.lastSpaceHeatW / 1000 / n;
        out.hotWaterKw[b] += m.lastHotWaterW / 1000 / n;
        out.supplyC[b] += m.lastSupplyC / n;
        out.returnC[b] += m.lastReturnC / n;
        out.occupied[b] |= occupied;
        for (int z = 0; z < m.zones.length; z++) {
          out.zoneAirC[b][z] += m.airC(z) / n;
        }
        accumulatePrimary(sums[b], m, env);
        meters[b].add(heatKw * dt / 3600, windowEnds);
      }
    }
    for (int b = 0; b < buildings.size(); b++) {
      telemetry[b] = measure(b, out, sums[b], n);
    }
  }

  private static void accumulatePrimary(double[] s, BuildingModel m, BuildingModel.Ambient env) {
    double dTsh = Math.max(1, env.primarySupplyC() - (m.lastReturnC + 5));
    double dTdhw = Math.max(1, env.primarySupplyC() - 25);
    double flowSh = m.lastSpaceHeatW / (BuildingDesign.CP_WATER * dTsh);
    double flowDhw = m.lastHotWaterW / (BuildingDesign.CP_WATER * dTdhw);
    s[0] += flowSh + flowDhw;
    s[1] += flowSh * (m.lastReturnC + 5) + flowDhw * 25;
    s[2] += m.lastFlowKgS;
    s[3] += env.primarySupplyC();
  }

  private Telemetry measure(int b, StepResult out, double[] s, int n) {
    Sensors sen = sensors.get(b);
    BuildingModel m = buildings.get(b);
    double primaryFlowKgS = s[0] / n;
    double primaryReturn = s[0] > 0 ? s[1] / s[0] : out.returnC[b];
    double[] rooms = new double[m.zones.length];
    for (int z = 0; z < rooms.length; z++) {
      rooms[z] = sen.room(z, m.airC(z));
    }
    return new Telemetry(m.spec.id(), sen.heat(out.heatKw[b]), sen.waterTemp(s[3] / n),
        sen.waterTemp(primaryReturn), sen.flow(primaryFlowKgS * 3.6), sen.waterTemp(out.supplyC[b]),
        sen.waterTemp(out.returnC[b]), sen.flow(s[2] / n * 3.6), rooms, sen.outdoor(out.outdoorC),
        false);
  }

  /** True air temperature of each building's zones now, [building][zone] (for the oracle only). */
  public double[][] zoneAirC() {
    double[][] out = new double[buildings.size()][];
    for (int b = 0; b < out.length; b++) {
      BuildingModel m = buildings.get(b);
      out[b] = new double[m.zones.length];
      for (int z = 0; z < m.zones.length; z++) {
        out[b][z] = m.airC(z);
      }
    }
    return out;
  }

  /** The gateways' readings over the last step, per building. */
  public Telemetry telemetry(int building) {
    return telemetry[building];
  }

  /** Energy terms of one building since construction. */
  public EnergyLedger ledger(int building) {
    return buildings.get(building).ledger;
  }

  /** Closed 15-minute meter windows of one building since the last {@link #resetMeters}, kWh. */
  public double[] meterKwh15(int building) {
    return meters[building].closed();
  }

  /** Starts the meter logs afresh, at a 15-minute boundary (after a warm-up, say). */
  public void resetMeters() {
    for (MeterLog m : meters) {
      m.reset();
    }
  }

  static int substepSeconds(int stepS) {
    if (stepS <= 0) {
      throw new IllegalArgumentException("control step must be positive: " + stepS + " s");
    }
    int g = gcd(stepS, METER_WINDOW_S);
    for (int d = Math.min(g, MAX_SUBSTEP_S); d > 0; d--) {
      if (g % d == 0) {
        return d;
      }
    }
    return 1;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Undisturbed ground temperature at 2 m, C: annual sine fitted to Daejeon's EPW header. */
  static double groundC(LocalDateTime t) {
    return 13 + 9.5 * Math.cos(2 * Math.PI * (t.getDayOfYear() - 245) / 365.0);
  }

  /** District-network supply temperature: 115 C at -10 C outdoor down to 75 C at +10 C. */
  static double primarySupplyC(double outdoorC) {
    return Math.max(75, Math.min(115, 95 - 2 * outdoorC));
  }
}
