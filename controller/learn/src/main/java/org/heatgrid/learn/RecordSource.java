package org.heatgrid.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.heatgrid.learn.record.CsvRecords;
import org.heatgrid.learn.record.InfluxRecords;
import org.heatgrid.learn.record.LineProtocolRecords;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;

/**
 * Where a site's record is read from: the control service's data folder or a line-protocol file
 * ({@code points.lp}), its InfluxDB database, or a telemetry CSV export.
 */
public sealed interface RecordSource {

  /** Reads the record of site {@code site}. */
  SiteRecord read(String site);

  /** A data folder holding {@code points.lp}, or a line-protocol file itself (millisecond times). */
  record Records(Path path) implements RecordSource {
    @Override
    public SiteRecord read(String site) {
      Path file = Files.isDirectory(path) ? path.resolve("points.lp") : path;
      if (!Files.isRegularFile(file)) {
        throw new RecordException(file + " does not exist: give the control service's data "
            + "folder (heatgrid.data-dir, holding points.lp) or a line-protocol file");
      }
      return LineProtocolRecords.read(file, site, TimeUnit.MILLISECONDS);
    }
  }

  /** An InfluxDB 1.x database. */
  record Influx(String url, String database) implements RecordSource {
    @Override
    public SiteRecord read(String site) {
      return InfluxRecords.read(url, database, site);
    }
  }

  /** A telemetry CSV ({@link CsvRecords}). */
  record Csv(Path file) implements RecordSource {
    @Override
    public SiteRecord read(String site) {
      if (!Files.isRegularFile(file)) {
        throw new RecordException(file + " does not exist");
      }
      return CsvRecords.read(file);
    }
  }
}
