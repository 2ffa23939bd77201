package org.heatgrid.learn;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real InfluxDB 1.x for tests, as a JUnit 5 extension ({@code @RegisterExtension static}) or by
 * hand: writes {@code deploy/influxdb/influxdb.conf} with temporary data/meta/wal folders and free
 * loopback ports, starts {@code influxd -config}, waits for {@code /ping}. {@link #stop()} and
 * {@link #start()} keep the data (same folders and port). Never the system service.
 *
 * <p>Shared by this module's and the control service's tests (the test-jar).
 *
 * <p>Fails (does not skip) when influxd is not installed: {@code ./run-tests} installs it.
 */
public final class InfluxServer implements BeforeAllCallback, AfterAllCallback {

  private Path dir;
  private int port;
  private Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    delete();
  }

  public synchronized void start() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("heatgrid-influx");
      port = freePort();
      String conf = Files.readString(deployConf()).replace("@DIR@", dir.toString())
          .replace("@PORT@", String.valueOf(port)).replace("@RPC_PORT@", String.valueOf(freePort()));
      Files.writeString(dir.resolve("influxdb.conf"), conf);
    }
    Path log = dir.resolve("influxd.log");
    process = new ProcessBuilder(influxd(), "-config", dir.resolve("influxdb.conf").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      await("influxd answering /ping on " + url()).atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("influxd exited with " + process.exitValue()
                  + "; its log:\n" + Files.readString(log));
            }
            try {
              return http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).build(),
                  HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
            } catch (IOException e) {
              return false;
            }
          });
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  public void restart() throws IOException {
    stop();
    start();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public void delete() throws IOException {
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String influxd() {
    for (String c : List.of("/usr/bin/influxd", "/usr/local/bin/influxd", "/usr/sbin/influxd")) {
      if (Files.isExecutable(Paths.get(c))) {
        return c;
      }
    }
    throw new IllegalStateException("influxd is not installed, and the InfluxDB tests need a real "
        + "one: run ./run-tests (it installs it), or apt-get install influxdb influxdb-client");
  }

  private static Path deployConf() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("deploy/influxdb/influxdb.conf");
      if (Files.isRegularFile(c)) {
        return c;
      }
    }
    throw new IllegalStateException("deploy/influxdb/influxdb.conf not found above "
        + Paths.get("").toAbsolutePath());
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
