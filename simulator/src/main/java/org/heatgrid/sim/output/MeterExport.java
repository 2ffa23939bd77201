package org.heatgrid.sim.output;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heatgrid.forecast.data.MeterCsv;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.sim.run.RunResult;
import org.heatgrid.site.BuildingInfo;

/**
 * A run's substation heat as the gateways metered it, in the meter CSV format the forecaster
 * reads: per building the heat meter's mean over each interval (with the meter's errors), the
 * substation's outdoor sensor, and global horizontal irradiance from the weather file.
 */
public final class MeterExport {

  private MeterExport() {}

  /** @param step interval of the file; a multiple of the control step */
  public static MeterData meterData(RunResult r, Duration step) {
    long per = step.toSeconds() / r.step().toSeconds();
    if (per < 1 || step.toSeconds() % r.step().toSeconds() != 0) {
      throw new IllegalArgumentException("meter interval " + step + " must be a multiple of the control step "
          + r.step());
    }
    int n = (int) (r.steps() / per);
    List<String> ids = new ArrayList<>();
    for (BuildingInfo b : r.buildings()) {
      ids.add(b.id());
    }
    int nb = ids.size();
    double[][] heat = new double[nb][n];
    double[][] outdoor = new double[nb][n];
    double[][] ghi = new double[nb][n];
    for (int b = 0; b < nb; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < per; j++) {
          int k = (int) (i * per + j);
          heat[b][i] += r.meteredHeatKw()[b][k] / per;
          outdoor[b][i] += r.sensorOutdoorC()[b][k] / per;
          ghi[b][i] += r.ghiWm2()[k] / per;
        }
      }
    }
    for (double[][] series : new double[][][] {heat, outdoor, ghi}) {
      for (double[] row : series) {
        for (int i = 0; i < n; i++) {
          row[i] = Math.round(row[i] * 100) / 100.0; // a meter's resolution, and a readable file
        }
      }
    }
    Instant start = r.start().atZone(r.scenario().zone()).toInstant();
    return new MeterData(start, step, ids, heat, outdoor, ghi);
  }

  public static void write(RunResult r, Duration step, Path file) {
    MeterCsv.write(meterData(r, step), file);
  }
}
