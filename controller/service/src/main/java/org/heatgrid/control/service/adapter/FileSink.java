package org.heatgrid.control.service.adapter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.influxdb.dto.Point;

/**
 * The no-InfluxDB mode: every point is appended, in InfluxDB line protocol, to
 * {@code <dataDir>/points.lp} (which {@code influx -import} or a {@code curl} to {@code /write}
 * can load later), and the last {@code keep} points stay in memory. Thread-safe.
 */
public final class FileSink implements PointSink {

  private final Path file;
  private final int keep;
  private final ArrayDeque<Point> recent = new ArrayDeque<>();
  private final BufferedWriter out;
  private long written;

  public FileSink(Path dataDir, int keep) {
    this.keep = keep;
    this.file = dataDir.resolve("points.lp");
    try {
      Files.createDirectories(dataDir);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void write(Point point) {
    try {
      out.write(point.lineProtocol(java.util.concurrent.TimeUnit.MILLISECONDS));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
    if (recent.size() == keep) {
      recent.removeFirst();
    }
    recent.addLast(point);
    written++;
  }

  /** The last points, oldest first. */
  public synchronized List<Point> recent() {
    return new ArrayList<>(recent);
  }

  @Override
  public synchronized long written() {
    return written;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
