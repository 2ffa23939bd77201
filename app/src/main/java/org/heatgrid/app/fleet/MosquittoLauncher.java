package org.heatgrid.app.fleet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto for the fleet bench: writes the configuration ({@code deploy/mosquitto/
 * mosquitto.conf} of this checkout with its own listener, files, persistence and logging, or the
 * same settings built in when the checkout is not found), the fleet ACL, the plaintext credentials
 * and their hashed password file ({@code mosquitto_passwd -U}), starts {@code mosquitto -c} on a
 * free loopback port and stops it on {@link #close()}.
 *
 * <p>Fails with a clear message when {@code mosquitto} or {@code mosquitto_passwd} is not installed
 * ({@code apt-get install mosquitto}; {@code ./run-tests} installs it).
 */
public final class MosquittoLauncher implements AutoCloseable {

  /** Lines of the deployed configuration that the launcher writes itself. */
  private static final Set<String> REPLACED = Set.of("listener", "password_file", "acl_file",
      "persistence", "persistence_location", "autosave_interval", "log_dest", "pid_file", "user",
      "max_queued_messages", "max_connections");

  /** The deployed settings that matter, for when deploy/mosquitto is not found. */
  private static final List<String> BUILT_IN = List.of(
      "per_listener_settings false",
      "allow_anonymous false",
      "set_tcp_nodelay true",
      "message_size_limit 262144",
      "log_type error", "log_type warning", "log_type notice", "log_type information",
      "connection_messages true");

  private final Path dir;
  private final int port;
  private final Process process;
  private final String configSource;

  private MosquittoLauncher(Path dir, int port, Process process, String configSource) {
    this.dir = dir;
    this.port = port;
    this.process = process;
    this.configSource = configSource;
  }

  /**
   * Writes the broker's files into {@code dir} and starts it; returns once it listens.
   *
   * @param acl the ACL file's text ({@link org.heatgrid.wire.BrokerUsers#fleetAcl})
   * @param credentials every user's password; written in plain text to {@code dir/credentials}
   *     (mode 600) and hashed into {@code dir/passwd}
   * @param maxQueuedMessages Mosquitto's {@code max_queued_messages} per client
   */
  public static MosquittoLauncher start(Path dir, String acl, FleetCredentials credentials,
      int maxQueuedMessages) throws IOException {
    String passwd = find("mosquitto_passwd");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("acl"), acl);
    credentials.write(dir.resolve("credentials"));
    credentials.write(dir.resolve("passwd"));
    run(List.of(passwd, "-U", dir.resolve("passwd").toString()), "mosquitto_passwd -U");
    return launch(dir, maxQueuedMessages);
  }

  /**
   * Starts a broker on the files an operator deploys: {@code secrets/acl} and {@code
   * secrets/passwd} as {@code ./heatgrid fleet-auth} writes them, copied into {@code dir}.
   */
  public static MosquittoLauncher startDeployed(Path dir, Path secrets, int maxQueuedMessages)
      throws IOException {
    Files.createDirectories(dir);
    Files.copy(secrets.resolve("acl"), dir.resolve("acl"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(secrets.resolve("passwd"), dir.resolve("passwd"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return launch(dir, maxQueuedMessages);
  }

  private static MosquittoLauncher launch(Path dir, int maxQueuedMessages) throws IOException {
    String mosquitto = find("mosquitto");
    int port = freePort();
    List<String> conf = new ArrayList<>();
    Optional<Path> deployed = deployedConfig();
    String source;
    if (deployed.isPresent()) {
      source = deployed.get().toString();
      for (String line : Files.readAllLines(deployed.get())) {
        String key = line.strip().split("\\s+", 2)[0];
        if (!REPLACED.contains(key)) {
          conf.add(line);
        }
      }
    } else {
      source = "built-in settings (deploy/mosquitto/mosquitto.conf not found above "
          + Paths.get("").toAbsolutePath() + ")";
      conf.add("# the settings of deploy/mosquitto/mosquitto.conf");
      conf.addAll(BUILT_IN);
    }
    conf.add("# fleet bench settings (org.heatgrid.app.fleet.MosquittoLauncher)");
    conf.add("listener " + port + " 127.0.0.1");
    conf.add("password_file " + dir.resolve("passwd"));
    conf.add("acl_file " + dir.resolve("acl"));
    conf.add("persistence false");
    conf.add("log_dest file " + dir.resolve("broker.log"));
    conf.add("max_queued_messages " + maxQueuedMessages);
    conf.add("max_connections -1");
    // Started as root, mosquitto would switch to user "mosquitto", who cannot read these files.
    conf.add("user " + System.getProperty("user.name"));
    Files.write(dir.resolve("mosquitto.conf"), conf);
    Path log = dir.resolve("broker.stdout");
    Process p = new ProcessBuilder(mosquitto, "-c", dir.resolve("mosquitto.conf").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!listening(port)) {
      if (!p.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + p.exitValue() + ": "
            + Files.readString(log) + readIfExists(dir.resolve("broker.log")));
      }
      if (System.nanoTime() > end) {
        p.destroyForcibly();
        throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port
            + " within 15 s: " + readIfExists(dir.resolve("broker.log")));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IllegalStateException("interrupted while mosquitto started", e);
      }
    }
    // An interrupted bench (Ctrl-C) must not leave its broker behind.
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "mosquitto-stop"));
    return new MosquittoLauncher(dir, port, p, source);
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path dir() {
    return dir;
  }

  /** Where the configuration came from (the deployed file, or the built-in settings). */
  public String configSource() {
    return configSource;
  }

  /** The broker's own version line ({@code mosquitto -h}), or "mosquitto". */
  public static String version() {
    try {
      Process p = new ProcessBuilder(find("mosquitto"), "-h").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      return out.lines().filter(l -> l.startsWith("mosquitto version")).findFirst()
          .orElse("mosquitto");
    } catch (IOException | RuntimeException e) {
      return "mosquitto";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "mosquitto";
    }
  }

  /** Stops the broker (SIGTERM, then SIGKILL after 10 s). Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
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
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The path of an installed Mosquitto program, or a clear error. */
  static String find(String program) {
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin",
        "/usr/local/bin", "/opt/homebrew/sbin", "/opt/homebrew/bin"));
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        dirs.add(d);
      }
    }
    for (String d : dirs) {
      Path p = Paths.get(d, program);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException(program + " is not installed, and the fleet bench runs a real "
        + "Mosquitto: apt-get install mosquitto (./run-tests installs it), or give an external "
        + "broker with --broker URL --credentials FILE");
  }

  private static Optional<Path> deployedConfig() {
    String root = System.getProperty("heatgrid.root");
    List<Path> starts = new ArrayList<>();
    if (root != null) {
      starts.add(Paths.get(root).toAbsolutePath());
    }
    starts.add(Paths.get("").toAbsolutePath());
    for (Path start : starts) {
      for (Path p = start; p != null; p = p.getParent()) {
        Path candidate = p.resolve("deploy/mosquitto/mosquitto.conf");
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static void run(List<String> cmd, String what) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(what + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String readIfExists(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
