package org.heatgrid.app.fleet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The simulated edge of {@code ./heatgrid fleet-bench} as a child process ({@link EdgeProcess}
 * starts it; not a user command). It builds the plants and gateways ({@link FleetEdge}), then
 * follows the bench on standard input and answers on standard output. Lines starting with
 * {@value #TAG} are the protocol; every other line it prints is for the bench's console:
 *
 * <pre>
 *   edge: @edge built N          (plants warmed up, gateways built)
 *   bench: connect
 *   edge: @edge connected        (every gateway connected and subscribed)
 *   edge: @edge online           (every gateway holds a controller setpoint)
 *   bench: release EPOCH_MS      (time runs from that wall-clock millisecond, on both sides)
 *   bench: finish FILE
 *   edge: @edge done             (EdgeReport written to FILE)
 *   bench: exit, or end of input (gateways closed, process ends)
 * </pre>
 */
@Command(name = "fleet-edge", mixinStandardHelpOptions = true,
    description = "The simulated edge of fleet-bench (plants and gateways), run by the bench as a "
        + "child process and driven on standard input.")
public final class FleetEdgeMain implements Callable<Integer> {

  static final String TAG = "@edge ";

  // Held in a field: java.util.logging keeps loggers only weakly.
  private static final Logger GATEWAY_LOG = Logger.getLogger("org.heatgrid.gateway");

  @Option(names = "--scenario", required = true)
  String scenario;
  @Option(names = "--sites", required = true)
  int sites;
  @Option(names = "--from", required = true)
  LocalDate from;
  @Option(names = "--end", required = true, description = "Simulated end instant (ISO-8601).")
  Instant end;
  @Option(names = "--speed", required = true)
  double speed;
  @Option(names = "--broker", required = true)
  String broker;
  @Option(names = "--credentials", required = true)
  Path credentials;
  @Option(names = "--gateway-tick-ms", required = true)
  long gatewayTickMs;
  @Option(names = "--progress-hours", defaultValue = "0")
  int progressHours;
  @Option(names = "--autogroup-nice", defaultValue = "0",
      description = "Lower this process's scheduling group to this niceness, when it has a group "
          + "of its own (started by setsid).")
  int autogroupNice;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (autogroupNice > 0) {
      out.println("priority: " + Autogroup.lower(autogroupNice));
    }
    Scenario base = ScenarioLoader.load(scenario);
    long days = Math.max(1, (long) Math.ceil(
        Duration.between(from.atStartOfDay(base.zone()).toInstant(), end).toMillis() / 86_400_000.0));
    Scenario s = base.withPeriod(from, from.plusDays(days - 1));
    long t0 = System.nanoTime();
    try (FleetEdge edge = new FleetEdge(s, sites, from, end, speed, broker,
        FleetCredentials.read(credentials), Duration.ofMillis(gatewayTickMs))) {
      out.printf(Locale.ROOT, "%d plants warmed up %d days each and %d gateways built, %.1f s%n",
          sites, s.warmupDays(), edge.size(), (System.nanoTime() - t0) / 1e9);
      out.println(TAG + "built " + edge.size());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] cmd = line.strip().split(" ", 2);
        switch (cmd[0]) {
          case "connect" -> {
            edge.connect();
            waitUntil(() -> edge.notConnected() == 0,
                () -> edge.notConnected() + " gateways not connected yet", out);
            out.println(TAG + "connected");
            waitUntil(() -> edge.notOnline().isEmpty(),
                () -> "still in fallback: " + edge.notOnline(), out);
            out.println(TAG + "online");
          }
          case "release" -> {
            sleepUntil(Long.parseLong(cmd[1]));
            edge.release();
            progress(edge, out);
          }
          case "finish" -> {
            edge.report().write(Path.of(cmd[1]));
            out.println(TAG + "done");
          }
          case "exit" -> {
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown command on standard input: "
              + line);
        }
      }
    }
    return 0;
  }

  /** Prints progress lines every few simulated hours, on a daemon thread, until the end. */
  private void progress(FleetEdge edge, PrintStream out) {
    if (progressHours <= 0) {
      return;
    }
    Thread t = new Thread(() -> {
      long every = Duration.ofHours(progressHours).toMillis();
      long next = edge.now().toEpochMilli() + every;
      try {
        while (edge.now().isBefore(end)) {
          Thread.sleep(100);
          if (edge.now().toEpochMilli() >= next && edge.now().isBefore(end)) {
            next += every;
            out.println(edge.progress());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "edge-progress");
    t.setDaemon(true);
    t.start();
  }

  private static void sleepUntil(long epochMs) throws InterruptedException {
    long wait = epochMs - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  /** Waits, saying what it waits for every 10 s; the bench gives up and ends this process. */
  private static void waitUntil(java.util.function.BooleanSupplier done,
      java.util.function.Supplier<String> what, PrintStream out) throws InterruptedException {
    long nextLine = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      Thread.sleep(20);
      if (System.nanoTime() > nextLine) {
        nextLine += 10_000_000_000L;
        out.println(what.get());
      }
    }
  }

  public static void main(String[] args) {
    GATEWAY_LOG.setLevel(Level.WARNING);
    System.exit(new CommandLine(new FleetEdgeMain()).execute(args));
  }
}
