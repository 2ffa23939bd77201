package org.heatgrid.app;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.heatgrid.sim.run.Recorder;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.tariff.Tariff;

/**
 * Savings so far: the live run against the baseline run in-process by the simulator on the same
 * scenario, period, weather and seed, compared step by step over the steps the live run has done.
 * Heat is the true heat delivered at the substations; cost is the usage charge (the basic charge
 * follows the season's peak and is in the final KPI table); comfort is the occupied-hour
 * discomfort (K*h, mean over zones), as in the KPIs. Updated under {@link LivePlant}'s lock after
 * every step, read from any thread.
 */
final class RunningSavings {

  /**
   * @param at end of the last step compared (local time)
   * @param steps steps compared
   */
  record Snapshot(LocalDateTime at, int steps, double liveMwh, double baselineMwh, double liveKrw,
      double baselineKrw, double liveTdisOccKh, double baselineTdisOccKh) {

    double savedKrw() {
      return baselineKrw - liveKrw;
    }

    double savedPercent() {
      return baselineKrw == 0 ? 0 : 100 * savedKrw() / baselineKrw;
    }

    String line(double days) {
      return String.format(Locale.ROOT, "%s  day %.2f  usage cost %.3f MKRW vs baseline %.3f:"
          + " saved %,.0f KRW (%.1f %%)  heat %.2f vs %.2f MWh  occupied discomfort %.2f vs %.2f K*h",
          at.toString().replace('T', ' '), days, liveKrw / 1e6, baselineKrw / 1e6, savedKrw(),
          savedPercent(), liveMwh, baselineMwh, liveTdisOccKh, baselineTdisOccKh);
    }
  }

  private final RunResult baseline;
  private final List<BuildingInfo> buildings;
  private final Tariff tariff;
  private final LocalDateTime start;
  private final Duration step;
  private final double stepH;
  private final int zones;
  private double liveKwh;
  private double baseKwh;
  private double liveKrw;
  private double baseKrw;
  private double liveTdis;
  private double baseTdis;
  private volatile Snapshot last;

  RunningSavings(RunResult baseline, List<BuildingInfo> buildings) {
    this.baseline = baseline;
    this.buildings = buildings;
    this.tariff = baseline.scenario().tariff();
    this.start = baseline.start();
    this.step = baseline.step();
    this.stepH = step.toSeconds() / 3600.0;
    this.zones = buildings.size() * baseline.zoneAirC()[0].length;
    this.last = new Snapshot(start, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Adds the live run's last recorded step. */
  void update(Recorder live) {
    int i = live.steps() - 1;
    if (i >= baseline.steps()) {
      return;
    }
    LocalDateTime t = start.plus(step.multipliedBy(i));
    double price = tariff.usageKrwPerKwh(t);
    for (int b = 0; b < buildings.size(); b++) {
      double l = live.heatKw(b, i) * stepH;
      double r = baseline.heatKw()[b][i] * stepH;
      liveKwh += l;
      baseKwh += r;
      liveKrw += l * price;
      baseKrw += r * price;
      ComfortBand band = buildings.get(b).comfort();
      if (live.occupied(b, i)) {
        for (int z = 0; z < baseline.zoneAirC()[b].length; z++) {
          liveTdis += outside(live.zoneAirC(b, z, i), band.low(true), band.high(true)) * stepH;
        }
      }
      if (baseline.occupied()[b][i]) {
        for (int z = 0; z < baseline.zoneAirC()[b].length; z++) {
          baseTdis += outside(baseline.zoneAirC()[b][z][i], band.low(true), band.high(true)) * stepH;
        }
      }
    }
    last = new Snapshot(t.plus(step), i + 1, liveKwh / 1000, baseKwh / 1000, liveKrw, baseKrw,
        liveTdis / zones, baseTdis / zones);
  }

  Snapshot snapshot() {
    return last;
  }

  private static double outside(double t, double low, double high) {
    return t < low ? low - t : t > high ? t - high : 0;
  }
}
