package org.heatgrid.learn.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.api.Telemetry;

/**
 * Reads a site's record from InfluxDB line protocol: the control service's {@code points.lp}
 * (no-InfluxDB mode, millisecond timestamps) or an {@code influx -export}. Uses the
 * {@code telemetry} points of the site and the {@code forecast} points of lead 0 (the irradiance
 * the loop was given for each period). A line that cannot be used is rejected with its line
 * number and reason, and reading goes on: a service killed mid-write leaves a truncated last line.
 */
public final class LineProtocolRecords {

  private LineProtocolRecords() {}

  /**
   * @param precision the timestamps' unit ({@code points.lp}: milliseconds)
   * @throws RecordException when the file cannot be read
   */
  public static SiteRecord read(Path file, String site, TimeUnit precision) {
    SiteRecord record = new SiteRecord(file.toString());
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      boolean lastComplete = endsWithNewline(file);
      String text = in.readLine();
      long n = 0;
      while (text != null) {
        n++;
        // One line ahead: the last line without a newline is a write cut short (the service
        // stopped mid-line), even when what is left of it still parses.
        String next = in.readLine();
        String where = file.getFileName() + " line " + n;
        if (next == null && !lastComplete && !text.isBlank()) {
          record.reject(where, "the file ends inside this line (no newline): a write cut short");
        } else if (!text.isBlank() && !text.startsWith("#")) {
          try {
            accept(record, LineProtocol.parse(text), site, precision);
          } catch (IllegalArgumentException e) {
            record.reject(where, e.getMessage());
          }
        }
        text = next;
      }
    } catch (IOException e) {
      throw new RecordException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return record;
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
      if (f.length() == 0) {
        return true;
      }
      f.seek(f.length() - 1);
      return f.read() == '\n';
    }
  }

  private static void accept(SiteRecord record, LineProtocol.Line l, String site,
      TimeUnit precision) {
    String tagged = l.tags().get("site");
    boolean telemetry = l.measurement().equals("telemetry");
    boolean forecast = l.measurement().equals("forecast");
    if (!telemetry && !forecast) {
      return;
    }
    if (tagged == null) {
      throw new IllegalArgumentException(l.measurement() + " point without a site tag");
    }
    if (!tagged.equals(site)) {
      record.otherSite(tagged);
      return;
    }
    Instant at = Instant.ofEpochMilli(precision.toMillis(l.timestamp()));
    if (forecast) {
      if (TelemetryFields.number(l.fields(), "lead") == 0) {
        record.ghi(at, TelemetryFields.number(l.fields(), "ghi_wm2"));
      }
      return;
    }
    String building = l.tags().get("building");
    if (building == null) {
      throw new IllegalArgumentException("telemetry point without a building tag");
    }
    Telemetry t = TelemetryFields.of(building, l.fields());
    record.put(at, t);
  }
}
