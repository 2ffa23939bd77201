package org.heatgrid.app.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.service.adapter.PointSink;
import org.influxdb.dto.Point;

/**
 * A site's point sink for the bench: it renders every point the loop records to InfluxDB line
 * protocol, as both real sinks do ({@code FileSink} appends the line to {@code points.lp}, the
 * InfluxDB writer batches it), so the service's recording costs what it costs, but it keeps no
 * line. From the lines it keeps the figures the bench reports: the loop's plan time per period
 * ({@code loop} point, field {@code decide_s}: the wall time of {@code Controller.decide}, which
 * the control loop measures itself) and, per telemetry message the controller received, whether
 * the gateway ran its local heating curve in that period ({@code local_fallback}). Thread-safe.
 */
final class SiteSink implements PointSink {

  /** A telemetry message as recorded: its period's end (epoch ms) and its fallback flag. */
  record TelemetryPoint(String building, long periodEndMs, boolean localFallback) {}

  private final List<double[]> decideSeconds = new ArrayList<>(); // {at ms, s}
  private final List<TelemetryPoint> telemetry = new ArrayList<>();
  private long written;
  private long bytes;
  private long loopCurveBuildings;

  @Override
  public synchronized void write(Point point) {
    String line = point.lineProtocol(TimeUnit.MILLISECONDS);
    written++;
    bytes += line.length() + 1;
    if (line.startsWith("loop,")) {
      decideSeconds.add(new double[] {time(line), Double.parseDouble(field(line, "decide_s"))});
      loopCurveBuildings += Long.parseLong(stripInt(field(line, "curve_buildings")));
    } else if (line.startsWith("telemetry,")) {
      telemetry.add(new TelemetryPoint(tag(line, "building"), time(line),
          Boolean.parseBoolean(field(line, "local_fallback"))));
    }
  }

  @Override
  public synchronized long written() {
    return written;
  }

  /** Characters of line protocol rendered (what a file sink would have written). */
  synchronized long bytes() {
    return bytes;
  }

  /** The loop's plan time of every period so far: {@code {period (epoch ms), wall s}}. */
  synchronized List<double[]> decideSeconds() {
    return new ArrayList<>(decideSeconds);
  }

  /** Buildings steered by the heating curve because the controller failed them, summed over periods. */
  synchronized long loopCurveBuildings() {
    return loopCurveBuildings;
  }

  synchronized List<TelemetryPoint> telemetry() {
    return new ArrayList<>(telemetry);
  }

  // Line protocol: measurement,tag=v,... field=v,... time. The values parsed here (numbers,
  // booleans, ids) contain no spaces, commas or equals signs.

  private static String field(String line, String name) {
    int fields = line.indexOf(' ');
    int i = line.indexOf(name + "=", fields);
    while (i > 0 && line.charAt(i - 1) != ' ' && line.charAt(i - 1) != ',') {
      i = line.indexOf(name + "=", i + 1);
    }
    if (i < 0) {
      throw new IllegalArgumentException("no field " + name + " in: " + line);
    }
    int from = i + name.length() + 1;
    int to = from;
    while (to < line.length() && line.charAt(to) != ',' && line.charAt(to) != ' ') {
      to++;
    }
    return line.substring(from, to);
  }

  private static String tag(String line, String name) {
    int fields = line.indexOf(' ');
    int i = line.indexOf("," + name + "=");
    if (i < 0 || i > fields) {
      throw new IllegalArgumentException("no tag " + name + " in: " + line);
    }
    int from = i + name.length() + 2;
    int to = from;
    while (to < fields && line.charAt(to) != ',') {
      to++;
    }
    return line.substring(from, to);
  }

  private static long time(String line) {
    return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static String stripInt(String v) {
    return v.endsWith("i") ? v.substring(0, v.length() - 1) : v;
  }
}
