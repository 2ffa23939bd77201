package org.heatgrid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job against a real Mosquitto, as checked by hand before: a plain Mosquitto (no
 * authentication) on a free loopback port, {@code ./heatgrid run --broker tcp://127.0.0.1:PORT
 * --days 1} (the packaged application, {@code java -jar app/target/quarkus-app/quarkus-run.jar},
 * as the launcher starts it), and while the run is on a plain {@code mosquitto_sub -t
 * 'heatgrid/v1/+/+/setpoint' -v --retained-only -W 5} sees exactly one retained setpoint for each
 * of B01..B16, each valid against {@code setpoint.schema.json}, with the topic's site and
 * building. Each subscription starts in the middle of a wall-clock second, and a short count is
 * tried again, three tries at most: with the 1 s message expiry of the default speed, Mosquitto
 * holds no retained setpoint for a moment after each second boundary (see the test). The run then
 * goes to the end of its day and exits 0 with its KPI file.
 *
 * <p>An integration test (failsafe, phase integration-test of {@code ./mvnw verify}): it needs the
 * jar that the package phase builds. Fails (does not skip) when mosquitto or mosquitto_sub is
 * missing: {@code ./run-tests} installs both.
 *
 * <p>Why not {@code MosquittoBroker} of the gateway's test-jar: it always runs the contract's
 * password file and per-building ACL, under which no single subscriber may read all 16 setpoints.
 */
class ExternalBrokerRunIT {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);
  private static final Duration RUN_END_LIMIT = Duration.ofSeconds(240);
  private static final String RUNNING = "running: 16 buildings";

  @TempDir
  Path dir;

  private Process broker;
  private Process run;
  private Output out;

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : new Process[] {run, broker}) {
      if (p != null && p.isAlive()) {
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    }
    // The run's output, for a look after the fact (CI keeps target/).
    if (out != null && Files.isDirectory(Paths.get("target"))) {
      try {
        Files.writeString(Paths.get("target", "ExternalBrokerRunIT-run.log"), out.text() + "\n");
      } catch (IOException e) {
        // only a convenience
      }
    }
  }

  @Test
  void heatgridRunOnPlainMosquitto_retainsASchemaValidSetpointPerBuilding() throws Exception {
    String mosquitto = executable("mosquitto", "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
        "/opt/homebrew/sbin/mosquitto");
    String mosquittoSub = executable("mosquitto_sub", "/usr/bin/mosquitto_sub",
        "/usr/local/bin/mosquitto_sub", "/opt/homebrew/bin/mosquitto_sub");
    Path jar = appJar();
    int port = freePort();
    Path brokerLog = dir.resolve("mosquitto.log");
    broker = startPlainMosquitto(mosquitto, port, brokerLog);

    // ./heatgrid run --broker tcp://127.0.0.1:PORT --days 1 (after 4 history days, the fewest the
    // learning accepts, to keep the test short), as the launcher runs it; the operator
    // API on a free port and the data in a temporary directory, so as not to meet anything else.
    List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx4g",
        "-Djava.util.logging.SimpleFormatter.format=%1$tT %4$s %3$s: %5$s%6$s%n",
        "-jar", jar.toString(),
        "--broker", "tcp://127.0.0.1:" + port, "--days", "1", "--history-days", "4",
        "--port", String.valueOf(freePort()), "--data", dir.resolve("data").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().remove("HEATGRID_MQTT_PASSWORD");
    long t0 = System.nanoTime();
    run = pb.start();
    out = Output.of(run);

    if (!out.await(l -> l.startsWith(RUNNING), STARTUP_LIMIT, run)) {
      fail("`heatgrid run --broker` did not reach '" + RUNNING + "' within " + STARTUP_LIMIT
          + (run.isAlive() ? "" : " (it exited with " + run.exitValue() + ")")
          + "; its output:\n" + out.text() + "\nmosquitto's log:\n" + read(brokerLog));
    }
    System.out.printf("ExternalBrokerRunIT: run started (gateways online) after %.1f s%n",
        (System.nanoTime() - t0) / 1e9);

    // The plain subscriber of the hand check, while the run is on. Mosquitto counts message
    // expiry in whole seconds, so with an expiry of 1 s a retained setpoint could vanish at the
    // next second boundary, before the next round: 25 of 98 subscriptions at random moments saw
    // fewer than 16 (mostly those starting in the first 0.25 s of a wall second). Accelerated
    // runs now publish one second more (SetpointPublisher.expirySeconds); so two subscriptions,
    // one at the start of a wall second (where it failed) and one in its middle, must each see all
    // 16. Every payload is checked.
    PayloadCodec codec = new PayloadCodec();
    List<String> buildings = IntStream.rangeClosed(1, 16).mapToObj(i -> String.format("B%02d", i))
        .toList();
    Map<String, List<String>> byTopic = Map.of();
    String subOut = "";
    Thread.sleep(2000);
    int attempt = 0;
    for (long offsetMs : new long[] {30, 550}) {
      attempt++;
      Thread.sleep(Math.floorMod(offsetMs - System.currentTimeMillis() % 1000, 1000));
      long startMillis = System.currentTimeMillis();
      assertThat(run.isAlive()).as("heatgrid run still on; its output:%n%s", out.text()).isTrue();
      long s0 = System.nanoTime();
      Process sub = new ProcessBuilder(mosquittoSub, "-h", "127.0.0.1", "-p",
          String.valueOf(port), "-t", "heatgrid/v1/+/+/setpoint", "-v", "--retained-only",
          "-W", "5").start();
      Output subErr = Output.of(sub.getErrorStream(), "mosquitto_sub stderr");
      subOut = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!sub.waitFor(15, TimeUnit.SECONDS)) {
        sub.destroyForcibly();
        fail("mosquitto_sub did not end within 15 s; its output:\n" + subOut);
      }
      long subEnd = System.nanoTime();
      subErr.join();
      // 0: ended at the first live (non-retained) setpoint; 27: -W timeout. Anything else failed.
      assertThat(sub.exitValue())
          .as("exit code of mosquitto_sub; stderr: %s; stdout:%n%s", subErr.text(), subOut)
          .isIn(0, 27);
      byTopic = parse(subOut, codec);
      System.out.printf("ExternalBrokerRunIT: mosquitto_sub %d (started %.3f s into a wall"
          + " second): exit %d after %.1f s, %d retained setpoints, %.1f s into the run%n",
          attempt, startMillis % 1000 / 1e3, sub.exitValue(), (subEnd - s0) / 1e9,
          byTopic.size(), (System.nanoTime() - t0) / 1e9);
      assertThat(byTopic.keySet())
          .as("topics of the retained setpoints mosquitto_sub %d saw; its output:%n%s", attempt,
              subOut)
          .containsExactlyElementsOf(buildings.stream()
              .map(b -> "heatgrid/v1/campus16/" + b + "/setpoint").toList());
    }

    // The run goes on to the end of its day and ends as the main job does.
    if (!run.waitFor(RUN_END_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      fail("`heatgrid run --days 1` did not end within " + RUN_END_LIMIT + " after the check;"
          + " its output:\n" + out.text());
    }
    out.join();
    assertThat(run.exitValue()).as("exit code of heatgrid run; its output:%n%s", out.text())
        .isZero();
    assertThat(dir.resolve("data/kpis.json")).as("the run's KPI file").isRegularFile();
    // The real path: the MPC was learnt from the run's own history, recorded through the service.
    assertThat(out.text()).contains("MPC from bundle v0001 learned on 4 days of this site's telemetry");
    assertThat(dir.resolve("data/models/ACTIVE")).content().isEqualToIgnoringNewLines("v0001");
    System.out.printf("ExternalBrokerRunIT: run ended after %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The lines of {@code mosquitto_sub -v} by topic, in topic order; asserts that each topic has one
   * setpoint, valid against setpoint.schema.json, whose site and building are the topic's.
   */
  private static Map<String, List<String>> parse(String subOut, PayloadCodec codec) {
    Map<String, List<String>> byTopic = new TreeMap<>();
    for (String line : subOut.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int space = line.indexOf(' ');
      assertThat(space).as("'topic payload' line of mosquitto_sub -v: %s", line).isPositive();
      byTopic.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>())
          .add(line.substring(space + 1));
    }
    byTopic.forEach((topic, payloads) -> {
      assertThat(payloads).as("retained setpoints on %s", topic).hasSize(1);
      String payload = payloads.get(0);
      String[] level = topic.split("/");
      assertThat(level).as("levels of topic %s", topic).hasSize(5);
      assertThat(codec.schemaErrors(PayloadCodec.Kind.SETPOINT, payload))
          .as("errors against setpoint.schema.json of the payload on %s: %s", topic, payload)
          .isEmpty();
      SetpointMessage m = codec.decodeSetpoint(payload.getBytes(StandardCharsets.UTF_8));
      assertThat(m.building()).as("building in the payload on %s", topic).isEqualTo(level[3]);
      assertThat(m.site()).as("site in the payload on %s", topic).isEqualTo(level[2]);
    });
    return byTopic;
  }

  /** A Mosquitto without authentication, listening on 127.0.0.1:port only, nothing persisted. */
  private Process startPlainMosquitto(String mosquitto, int port, Path log) throws Exception {
    Path conf = dir.resolve("mosquitto.conf");
    Files.write(conf, List.of(
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "persistence false",
        "log_dest stdout",
        // Started as root, mosquitto would switch to user "mosquitto".
        "user " + System.getProperty("user.name")));
    Process p = new ProcessBuilder(mosquitto, "-c", conf.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!listening(port)) {
      if (!p.isAlive()) {
        fail("mosquitto exited with " + p.exitValue() + "; its log:\n" + read(log));
      }
      if (System.nanoTime() > end) {
        p.destroyForcibly();
        fail("mosquitto not listening on 127.0.0.1:" + port + " after 15 s; its log:\n"
            + read(log));
      }
      Thread.sleep(20);
    }
    return p;
  }

  /** The packaged application (failsafe passes its path; else app/target of the working dir). */
  private static Path appJar() {
    String prop = System.getProperty("heatgrid.app.jar");
    Path jar = prop != null ? Paths.get(prop) : Paths.get("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      fail("the packaged application " + jar.toAbsolutePath() + " is missing: this test runs in"
          + " the integration-test phase, after package (./mvnw -pl app verify)");
    }
    return jar;
  }

  private static String javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String executable(String name, String... candidates) {
    for (String c : candidates) {
      if (Files.isExecutable(Paths.get(c))) {
        return c;
      }
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Paths.get(d, name))) {
        return Paths.get(d, name).toString();
      }
    }
    return fail(name + " is not installed, and this test needs the real one: run ./run-tests"
        + " (it installs it), or apt-get install mosquitto mosquitto-clients");
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A child process's output, collected line by line on a thread of its own. */
  private static final class Output {
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private Output(java.io.InputStream in, String name) {
      reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8))) {
          for (String l; (l = r.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(l);
              lines.notifyAll();
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }, name);
      reader.setDaemon(true);
      reader.start();
    }

    static Output of(Process p) {
      return new Output(p.getInputStream(), "heatgrid run output");
    }

    static Output of(java.io.InputStream in, String name) {
      return new Output(in, name);
    }

    /** Waits for a line matching {@code what}; false on timeout or when the process ended first. */
    boolean await(Predicate<String> what, Duration limit, Process p) throws InterruptedException {
      long end = System.nanoTime() + limit.toNanos();
      synchronized (lines) {
        while (true) {
          if (lines.stream().anyMatch(what)) {
            return true;
          }
          long left = end - System.nanoTime();
          if (left <= 0 || (!p.isAlive() && !reader.isAlive())) {
            return false;
          }
          lines.wait(Math.max(1, Math.min(200, left / 1_000_000)));
        }
      }
    }

    void join() throws InterruptedException {
      reader.join(5_000);
    }

    String text() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }
  }
}
