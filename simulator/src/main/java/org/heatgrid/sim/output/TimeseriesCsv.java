package org.heatgrid.sim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.site.BuildingInfo;

/**
 * timeseries.csv, one row per control step and building (true plant values, means over the step):
 * {@code time,building,occupied,indoor_c,zone_1_c,zone_2_c,supply_c,return_c,heat_kw,
 * space_heat_kw,hot_water_kw,supply_setpoint_c,heat_limit_kw,outdoor_c,ghi_wm2}. Time is local
 * ISO-8601 at the step's start; an absent heat limit is empty. Written by hand rather than with
 * a CSV library: 230,000 rows of numbers need nothing more and this is several times faster.
 */
public final class TimeseriesCsv {

  private TimeseriesCsv() {}

  public static void write(RunResult r, Path file) throws IOException {
    int zones = r.zoneAirC()[0].length;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder h = new StringBuilder("time,building,occupied,indoor_c");
      for (int z = 1; z <= zones; z++) {
        h.append(",zone_").append(z).append("_c");
      }
      h.append(",supply_c,return_c,heat_kw,space_heat_kw,hot_water_kw,supply_setpoint_c,")
          .append("heat_limit_kw,outdoor_c,ghi_wm2\n");
      w.write(h.toString());
      StringBuilder row = new StringBuilder(256);
      for (int k = 0; k < r.steps(); k++) {
        String time = r.timeOf(k).toString();
        for (int b = 0; b < r.buildings().size(); b++) {
          BuildingInfo info = r.buildings().get(b);
          row.setLength(0);
          row.append(time).append(',').append(info.id()).append(',').append(r.occupied()[b][k] ? 1 : 0);
          num(row, r.meanIndoorC(b, k), 100);
          for (int z = 0; z < zones; z++) {
            num(row, r.zoneAirC()[b][z][k], 100);
          }
          num(row, r.supplyC()[b][k], 100);
          num(row, r.returnC()[b][k], 100);
          num(row, r.heatKw()[b][k], 100);
          num(row, r.spaceHeatKw()[b][k], 100);
          num(row, r.hotWaterKw()[b][k], 100);
          num(row, r.setpointC()[b][k], 100);
          double limit = r.heatLimitKw()[b][k];
          if (Double.isFinite(limit)) {
            num(row, limit, 100);
          } else {
            row.append(',');
          }
          num(row, r.outdoorC()[k], 100);
          num(row, r.ghiWm2()[k], 10);
          row.append('\n');
          w.append(row);
        }
      }
    }
  }

  /** Appends ",value" rounded to 1/scale without String.format, which is slow for 3 million cells. */
  static void num(StringBuilder sb, double v, int scale) {
    sb.append(',');
    if (!Double.isFinite(v)) {
      sb.append("NaN");
      return;
    }
    long q = Math.round(v * scale);
    if (q < 0) {
      sb.append('-');
      q = -q;
    }
    sb.append(q / scale);
    int digits = scale == 100 ? 2 : scale == 10 ? 1 : 0;
    if (digits > 0) {
      sb.append('.');
      long frac = q % scale;
      if (digits == 2 && frac < 10) {
        sb.append('0');
      }
      sb.append(frac);
    }
  }
}
