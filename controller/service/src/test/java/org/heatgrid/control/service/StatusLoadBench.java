package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load figure for {@code GET /api/status}: 200 requests per second for 10 s against the running
 * service (real Mosquitto and InfluxDB, three buildings at 600x), paced open-loop so that a slow
 * answer does not slow the sender. Latency counts from the moment a request was due, not from
 * when it was sent, so queueing in the client is not hidden (no coordinated omission). It prints
 * median, p90, p99 and max; it asserts only that every answer was 200, never a time.
 *
 * <p>Tagged {@code bench}, left out of the default test run:
 * {@code flock /tmp/heatgrid-mvn.lock ./mvnw -B -ntp -pl controller/service test -Dgroups=bench
 * -DexcludedGroups=none -Dtest=StatusLoadBench}
 */
@QuarkusTest
@WithTestResource(ServicesResource.class)
@Tag("bench")
class StatusLoadBench {

  private static final int RATE = 200;
  private static final Duration LENGTH = Duration.ofSeconds(10);
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final int CLIENT_THREADS = 8;

  @TestHTTPResource("/api/status")
  URI status;

  @Test
  void status_at200PerSecondFor10s_printsLatencies() throws Exception {
    measure(status, "loop at 600x");
  }

  /**
   * Paces GET requests at {@link #RATE}/s from a pool of client threads, prints the latency
   * quantiles, asserts every answer was 200. The client is {@link HttpURLConnection} (kept-alive
   * connections), not {@code java.net.http.HttpClient}, whose own cost per request would dominate
   * what is measured (see docs/decisions/0019-status-endpoint-and-its-benchmark.md).
   */
  static void measure(URI status, String label) throws Exception {
    String auth = "Basic " + Base64.getEncoder()
        .encodeToString("viewer:viewer-pw".getBytes(StandardCharsets.UTF_8));
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      run(clients, status, auth, (int) (RATE * WARM_UP.toSeconds()), new AtomicInteger());
      AtomicInteger bad = new AtomicInteger();
      double[] ms = run(clients, status, auth, (int) (RATE * LENGTH.toSeconds()), bad);
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "GET /api/status (%s), %d requests at %d/s: median %.2f ms,"
          + " p90 %.2f ms, p99 %.2f ms, max %.2f ms, non-200 %d%n", label, ms.length, RATE,
          q(ms, 0.5), q(ms, 0.9), q(ms, 0.99), ms[ms.length - 1], bad.get());
      assertThat(bad.get()).isZero();
    } finally {
      clients.shutdownNow();
    }
  }

  private static double[] run(ExecutorService clients, URI status, String auth, int n,
      AtomicInteger bad) throws Exception {
    long periodNs = 1_000_000_000L / RATE;
    double[] ms = new double[n];
    List<Future<?>> pending = new ArrayList<>(n);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = t0 + i * periodNs;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int k = i;
      // Latency counts from when the request was due, so waiting for a free client is counted.
      pending.add(clients.submit(() -> {
        if (get(status, auth) != 200) {
          bad.incrementAndGet();
        }
        ms[k] = (System.nanoTime() - due) / 1e6;
      }));
    }
    for (Future<?> f : pending) {
      f.get();
    }
    return ms;
  }

  private static int get(URI status, String auth) {
    try {
      HttpURLConnection c = (HttpURLConnection) status.toURL().openConnection();
      c.setRequestProperty("Authorization", auth);
      c.setConnectTimeout(2000);
      c.setReadTimeout(5000);
      int code = c.getResponseCode();
      try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          in.readAllBytes(); // read to the end so the connection is kept alive for reuse
        }
      }
      return code;
    } catch (IOException e) {
      return -1;
    }
  }

  private static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
