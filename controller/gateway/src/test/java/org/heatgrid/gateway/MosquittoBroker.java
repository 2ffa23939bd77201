package org.heatgrid.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Mosquitto for tests, as a JUnit 5 extension ({@code @RegisterExtension static}). It
 * writes its configuration from {@code deploy/mosquitto} (mosquitto.conf with its own listener,
 * files and logging; the ACL as is; the password file made by make-passwords.sh with the
 * passwords of {@link #password}), starts {@code mosquitto -c} on a free loopback port and stops
 * it after the class. {@link #restart()} restarts it on the same port; the test broker keeps no
 * persistence, so a restart loses sessions and retained messages.
 *
 * <p>For load tests, {@link #withBuildings} adds gateway users beyond B01..B16 (same pattern ACL,
 * each with its own password) and {@link #withConfig} appends broker settings; a plain
 * {@code new MosquittoBroker()} is the contract's broker as deployed.
 *
 * <p>Fails (does not skip) when mosquitto is not installed: {@code ./run-tests} installs it.
 */
public final class MosquittoBroker implements BeforeAllCallback, AfterAllCallback {

  /** The users of the password file: the controller and B01..B16. */
  public static final List<String> USERS = users();

  private static final Set<String> REPLACED = Set.of("listener", "password_file", "acl_file",
      "persistence", "persistence_location", "autosave_interval", "log_dest", "pid_file", "user");

  private final List<String> extraBuildings = new ArrayList<>();
  private final List<String> extraConfig = new ArrayList<>();
  private Path dir;
  private int port;
  private Process process;
  private String mosquitto;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Adds gateway users (building ids) to the password file, each with {@link #password}; the ACL's
   * {@code pattern} lines give each one its own topics. Call before the broker starts.
   */
  public synchronized MosquittoBroker withBuildings(Collection<String> buildings) {
    requireNotConfigured();
    for (String b : buildings) {
      if (!USERS.contains(b) && !extraBuildings.contains(b)) {
        extraBuildings.add(b);
      }
    }
    return this;
  }

  /**
   * Appends lines to the test broker's mosquitto.conf (after the deployed settings, so a repeated
   * key such as {@code max_inflight_messages} overrides them). Call before the broker starts.
   */
  public synchronized MosquittoBroker withConfig(String... lines) {
    requireNotConfigured();
    extraConfig.addAll(List.of(lines));
    return this;
  }

  private void requireNotConfigured() {
    if (dir != null) {
      throw new IllegalStateException("configure the broker before it starts");
    }
  }

  /** The running broker's process id (e.g. for {@code /proc/PID/limits}); -1 when stopped. */
  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /** Writes the configuration (first time only) and starts the broker; returns once it listens. */
  public synchronized void start() throws IOException {
    if (dir == null) {
      mosquitto = findMosquitto();
      dir = Files.createTempDirectory("heatgrid-mosquitto");
      port = freePort();
      writeConfig();
    }
    Path log = dir.resolve("broker.log");
    process = new ProcessBuilder(mosquitto, "-c", dir.resolve("mosquitto.conf").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    try {
      await("mosquitto listening on 127.0.0.1:" + port).atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("mosquitto exited with " + process.exitValue()
                  + "; its log:\n" + Files.readString(log));
            }
            return listening();
          });
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Stops the broker (SIGTERM, then kill after 10 s). */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Stops and starts the broker on the same port. */
  public void restart() throws IOException {
    stop();
    start();
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The test password of a user (controller, B01..B16 and those of {@link #withBuildings}). */
  public String password(String user) {
    return "test-" + user + "-pw";
  }

  /** The broker's log so far, for failure messages. */
  public String log() {
    try {
      return Files.readString(dir.resolve("broker.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void writeConfig() throws IOException {
    Path deploy = deployDir();
    List<String> conf = new ArrayList<>();
    for (String line : Files.readAllLines(deploy.resolve("mosquitto.conf"))) {
      String key = line.strip().split("\\s+", 2)[0];
      if (!REPLACED.contains(key)) {
        conf.add(line);
      }
    }
    conf.add("# test settings (MosquittoBroker)");
    conf.add("listener " + port + " 127.0.0.1");
    conf.add("password_file " + dir.resolve("passwd"));
    conf.add("acl_file " + dir.resolve("acl"));
    conf.add("persistence false");
    conf.add("log_dest stdout");
    // Started as root, mosquitto would switch to user "mosquitto", who cannot read our temp files.
    conf.add("user " + System.getProperty("user.name"));
    if (!extraConfig.isEmpty()) {
      conf.add("# load test settings (MosquittoBroker.withConfig)");
      conf.addAll(extraConfig);
    }
    Files.write(dir.resolve("mosquitto.conf"), conf);
    Files.copy(deploy.resolve("acl"), dir.resolve("acl"));

    List<String> users = new ArrayList<>(USERS);
    users.addAll(extraBuildings);
    List<String> creds = new ArrayList<>();
    for (String u : users) {
      creds.add(u + ":" + password(u));
    }
    Files.write(dir.resolve("credentials"), creds);
    List<String> cmd = new ArrayList<>(List.of("bash", deploy.resolve("make-passwords.sh").toString(),
        dir.toString()));
    cmd.addAll(users.subList(1, users.size()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("make-passwords.sh failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String findMosquitto() {
    for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
        "/usr/bin/mosquitto", "/opt/homebrew/sbin/mosquitto")) {
      if (Files.isExecutable(Paths.get(candidate))) {
        return candidate;
      }
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(java.io.File.pathSeparator)) {
      Path p = Paths.get(d, "mosquitto");
      if (!d.isEmpty() && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException("mosquitto is not installed, and the MQTT integration tests "
        + "need a real broker: run ./run-tests (it installs it), or apt-get install mosquitto "
        + "mosquitto-clients");
  }

  /** deploy/mosquitto of this checkout, found upwards from the working directory. */
  static Path deployDir() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("deploy/mosquitto");
      if (Files.isRegularFile(candidate.resolve("mosquitto.conf"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("deploy/mosquitto/mosquitto.conf not found above "
        + Paths.get("").toAbsolutePath());
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static List<String> users() {
    List<String> u = new ArrayList<>();
    u.add("controller");
    for (int i = 1; i <= 16; i++) {
      u.add(String.format("B%02d", i));
    }
    return List.copyOf(u);
  }
}
