package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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

  @TestHTTPResource("/api/status")
  URI status;

  @Test
  void status_at200PerSecondFor10s_printsLatencies() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .version(HttpClient.Version.HTTP_1_1).build();
    String auth = "Basic " + Base64.getEncoder()
        .encodeToString("viewer:viewer-pw".getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(status).header("Authorization", auth)
        .timeout(Duration.ofSeconds(5)).GET().build();
    run(http, request, (int) (RATE * WARM_UP.toSeconds())); // JIT and connection pool
    AtomicInteger bad = new AtomicInteger();
    double[] ms = run(http, request, (int) (RATE * LENGTH.toSeconds()), bad);
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "GET /api/status, %d requests at %d/s: median %.2f ms, p90 %.2f ms,"
        + " p99 %.2f ms, max %.2f ms, non-200 %d%n", ms.length, RATE, q(ms, 0.5), q(ms, 0.9),
        q(ms, 0.99), ms[ms.length - 1], bad.get());
    assertThat(bad.get()).isZero();
  }

  private static double[] run(HttpClient http, HttpRequest request, int n) {
    return run(http, request, n, new AtomicInteger());
  }

  private static double[] run(HttpClient http, HttpRequest request, int n, AtomicInteger bad) {
    long periodNs = 1_000_000_000L / RATE;
    double[] ms = new double[n];
    List<CompletableFuture<Void>> pending = new ArrayList<>(n);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = t0 + i * periodNs;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int k = i;
      pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle((r, e) -> {
            ms[k] = (System.nanoTime() - due) / 1e6;
            if (e != null || r.statusCode() != 200) {
              bad.incrementAndGet();
            }
            return null;
          }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return ms;
  }

  private static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
