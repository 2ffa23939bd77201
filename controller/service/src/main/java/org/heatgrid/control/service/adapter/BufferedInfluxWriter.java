package org.heatgrid.control.service.adapter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;

/**
 * Writes points to InfluxDB 1.x (influxdb-java) through a bounded in-memory buffer.
 *
 * <p>{@link #write} only queues. A flusher thread sends batches every {@code flushEvery}; a batch
 * leaves the buffer only once InfluxDB has taken it. While InfluxDB is down the points stay,
 * up to {@code capacity}; beyond it the oldest are dropped and counted, so memory stays bounded
 * and the newest data wins. When InfluxDB returns, the buffer is flushed in order. A batch that
 * InfluxDB refuses as bad (HTTP 4xx, e.g. a field type conflict) is dropped and counted, since
 * retrying it could never succeed. The database is created on the first contact.
 *
 * <p>Thread-safe.
 */
public final class BufferedInfluxWriter implements PointSink {

  private static final Logger LOG = Logger.getLogger(BufferedInfluxWriter.class.getName());

  private final InfluxDB influx;
  private final String database;
  private final int capacity;
  private final int batchSize;
  private final ArrayDeque<Point> buffer = new ArrayDeque<>();
  private final ScheduledExecutorService flusher;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean databaseReady;
  private volatile boolean up;
  private volatile String lastError;

  /**
   * @param url e.g. {@code http://127.0.0.1:8086}
   * @param capacity most points kept while InfluxDB is away, >= 1
   * @param batchSize most points per write request, >= 1
   * @param flushEvery wall-clock time between flushes
   */
  public BufferedInfluxWriter(String url, String database, int capacity, int batchSize,
      Duration flushEvery) {
    if (capacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("capacity and batch size must be >= 1: " + capacity + ", "
          + batchSize);
    }
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10));
    this.influx = InfluxDBFactory.connect(url, http);
    this.database = database;
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "influx-flush");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(1, flushEvery.toMillis());
    flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void write(Point point) {
    synchronized (buffer) {
      if (buffer.size() >= capacity) {
        buffer.removeFirst();
        dropped.incrementAndGet();
      }
      buffer.addLast(point);
    }
  }

  /**
   * Sends what is buffered, batch by batch, until the buffer is empty or InfluxDB fails.
   *
   * @return true when the buffer was emptied
   */
  public boolean flush() {
    while (true) {
      List<Point> batch;
      synchronized (buffer) {
        if (buffer.isEmpty()) {
          return true;
        }
        batch = new ArrayList<>(Math.min(batchSize, buffer.size()));
        var it = buffer.iterator();
        while (it.hasNext() && batch.size() < batchSize) {
          batch.add(it.next());
        }
      }
      if (!send(batch)) {
        return false; // the batch stays at the head of the buffer for the next attempt
      }
      synchronized (buffer) {
        // Take the batch off the head; points the bound dropped meanwhile are gone already.
        for (Point p : batch) {
          if (!buffer.isEmpty() && buffer.peekFirst() == p) {
            buffer.removeFirst();
          }
        }
      }
    }
  }

  /** Sends one batch; false when InfluxDB cannot be reached (the batch then stays buffered). */
  private boolean send(List<Point> batch) {
    try {
      if (!databaseReady) {
        influx.query(new Query("CREATE DATABASE \"" + database + "\""));
        databaseReady = true;
      }
      BatchPoints bp = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS).build();
      batch.forEach(bp::point);
      influx.write(bp);
      written.addAndGet(batch.size());
      markUp();
      return true;
    } catch (InfluxDBException e) {
      if (!e.isRetryWorth() || isBadRequest(e)) {
        refused.addAndGet(batch.size());
        dropped.addAndGet(batch.size());
        LOG.log(Level.SEVERE,
            String.format("InfluxDB refused %d points: %s", batch.size(), e.getMessage()));
        return true; // taken off the buffer: retrying cannot help
      }
      return putBack(batch, e);
    } catch (RuntimeException e) {
      return putBack(batch, e);
    }
  }

  private boolean putBack(List<Point> batch, RuntimeException e) {
    failures.incrementAndGet();
    lastError = e.getMessage();
    if (up || failures.get() == 1) {
      LOG.log(Level.WARNING,
          String.format("InfluxDB unreachable (%s); keeping up to %d points", e.getMessage(),
              capacity));
    }
    up = false;
    return false;
  }

  private void markUp() {
    if (!up) {
      LOG.log(Level.INFO, String.format("InfluxDB reachable; %d points buffered", buffered()));
    }
    up = true;
  }

  private static boolean isBadRequest(InfluxDBException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("field type conflict") || m.contains("unable to parse")
        || m.contains("partial write");
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "InfluxDB flush failed", e);
    }
  }

  @Override
  public int buffered() {
    synchronized (buffer) {
      return buffer.size();
    }
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  /** Points InfluxDB refused as bad (included in {@link #dropped()}). */
  public long refused() {
    return refused.get();
  }

  @Override
  public long written() {
    return written.get();
  }

  /** Flushes that failed because InfluxDB could not be reached. */
  public long failures() {
    return failures.get();
  }

  /** True after the last flush reached InfluxDB. */
  public boolean isUp() {
    return up;
  }

  public String lastError() {
    return lastError;
  }

  public int capacity() {
    return capacity;
  }

  /** Stops the flusher after one last flush attempt, and closes the client. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
    influx.close();
  }
}
