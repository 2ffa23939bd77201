package org.heatgrid.learn;

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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real InfluxDB 1.x for this module's tests ({@code @RegisterExtension static}), as the control
 * service's tests start theirs: {@code deploy/influxdb/influxdb.conf} with temporary folders and
 * free loopback ports, {@code influxd -config}, ready when {@code /ping} answers 204. Never the
 * system service; stopped and deleted after the class. Fails (does not skip) without influxd.
 */
public final class InfluxServer implements BeforeAllCallback, AfterAllCallback {

  private Path dir;
  private int port;
  private Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("heatgrid-learn-influx");
    port = freePort();
    String conf = Files.readString(deployConf()).replace("@DIR@", dir.toString())
        .replace("@PORT@", String.valueOf(port)).replace("@RPC_PORT@", String.valueOf(freePort()));
    Files.writeString(dir.resolve("influxdb.conf"), conf);
    Path log = dir.resolve("influxd.log");
    process = new ProcessBuilder(influxd(), "-config", dir.resolve("influxdb.conf").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("influxd exited with " + process.exitValue()
            + "; its log:\n" + Files.readString(log));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("influxd did not answer /ping on " + url() + " in 30 s");
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      process = null;
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  private static String influxd() {
    for (String c : List.of("/usr/bin/influxd", "/usr/local/bin/influxd", "/usr/sbin/influxd")) {
      if (Files.isExecutable(Paths.get(c))) {
        return c;
      }
    }
    throw new IllegalStateException("influxd is not installed, and the InfluxDB tests need a real "
        + "one: apt-get install influxdb influxdb-client");
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

  /** A loopback port free now (another process may still take it before influxd binds it). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
