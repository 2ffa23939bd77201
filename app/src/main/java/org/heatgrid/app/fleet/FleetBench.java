package org.heatgrid.app.fleet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./heatgrid fleet-bench}: many sites on one machine, through the real control runtime and
 * one real Mosquitto, on accelerated simulated time. Prints a table and writes {@code
 * DIR/fleet.json}. Exit code 0 when every bar is met, 1 when one is not, 2 on bad input.
 */
@Command(name = "fleet-bench", mixinStandardHelpOptions = true,
    description = {
        "Fleet scale test on one machine: N sites of the scenario's campus (default 64 x 16 = "
            + "1,024 buildings), each with its own control runtime (the control service minus "
            + "HTTP) and MPC in this JVM, and the simulated edge in a child JVM (each site's "
            + "virtual plant and one reference edge gateway per building), all through one "
            + "Mosquitto (started here unless --broker is given) on accelerated simulated time.",
        "Reports missed setpoints (periods in which a gateway held no valid controller setpoint), "
            + "plan time per site against the wall-clock control period, setpoints per second, "
            + "broker and JVM CPU, memory per site and wall time; writes DIR/fleet.json.",
        "Bars: 1,024 buildings, 0 missed setpoints over at least 2 simulated days, plan p99 under "
            + "10 %% of the wall-clock control period. Exit code 1 when one is not met."})
public final class FleetBench implements Callable<Integer> {

  // Held in fields: java.util.logging keeps loggers only weakly.
  private static final Logger GATEWAY_LOG = Logger.getLogger("org.heatgrid.gateway");
  private static final Logger SERVICE_LOG = Logger.getLogger("org.heatgrid.control.service");
  private static final Logger MPC_LOG = Logger.getLogger("org.heatgrid.sim.mpc");

  @Option(names = "--sites", defaultValue = "64",
      description = "Number of sites (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--days", defaultValue = "2",
      description = "Simulated days measured (default: ${DEFAULT-VALUE}); a fraction such as 0.25 "
          + "for a short trial (the bars ask for 2).")
  double days;

  @Option(names = "--speed", paramLabel = "S",
      description = "Simulated seconds per wall second (default: 100; at 600 64 sites overload "
          + "a 2-core machine, see app/FLEET.md).")
  Double speed;

  @Option(names = "--from", paramLabel = "DATE",
      description = "First simulated day (default: 2026-01-05, mid-winter).")
  LocalDate from;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/fleet",
      description = "Where fleet.json and the broker's files go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "The campus every site copies, with its own plant seed (default: "
          + "${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--broker", paramLabel = "URL",
      description = "Use this broker instead of starting a Mosquitto; needs --credentials.")
  String broker;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "user:password lines for the external broker: <site>.controller and "
          + "<site>.<building> for every site (site01 ...) and building.")
  Path credentials;

  @Option(names = "--broker-pid", paramLabel = "PID", defaultValue = "0",
      description = "The external broker's process id, to measure its CPU time.")
  long brokerPid;

  @Option(names = "--gateway-tick-ms",
      description = "Wall milliseconds between a gateway's looks at its clock (default: 30 "
          + "simulated seconds at the speed, within 5-1000 ms).")
  Long gatewayTickMs;

  @Option(names = "--control-tick-ms",
      description = "Wall milliseconds between a control loop's looks at its clock (default: 5 "
          + "simulated seconds at the speed, within 5-1000 ms).")
  Long controlTickMs;

  @Option(names = "--progress-hours", defaultValue = "6",
      description = "Simulated hours between progress lines; 0: none (default: ${DEFAULT-VALUE}).")
  int progressHours;

  @Option(names = "--no-jit-warmup", negatable = false,
      description = "Do not let the MPC plan one simulated day in-process before the fleet starts.")
  boolean noJitWarmup;

  @Option(names = "--edge-nice", defaultValue = "19",
      description = "Niceness (0-19) of the simulated edge's JVM (plants and gateways, a child "
          + "process in a session and scheduling group of its own), which stands for devices of "
          + "their own; 0: the services' priority and group (default: ${DEFAULT-VALUE}).")
  int edgeNice;

  @Override
  public Integer call() throws Exception {
    FleetOptions o = new FleetOptions(sites, days, speed != null ? speed : FleetOptions.DEFAULT_SPEED,
        from, out, scenario, broker, credentials, brokerPid,
        gatewayTickMs == null ? null : Duration.ofMillis(gatewayTickMs),
        controlTickMs == null ? null : Duration.ofMillis(controlTickMs), progressHours,
        !noJitWarmup, edgeNice);
    FleetReport r = run(o, System.out);
    return r.barBuildings() && r.barMissed() && r.barDays() && r.barPlan() ? 0 : 1;
  }

  /** Runs a bench, prints its table and writes {@code out/fleet.json}. */
  static FleetReport run(FleetOptions o, PrintStream out) throws Exception {
    try (FleetRun run = FleetRun.prepare(o, out)) {
      run.start();
      run.awaitEnd();
      FleetReport r = run.finish();
      out.println();
      out.print(r.table());
      Path json = o.out().resolve("fleet.json");
      r.write(json);
      out.println("wrote " + json);
      return r;
    }
  }

  public static void main(String[] args) {
    // A thousand gateways and 64 services log every connection at INFO; problems stay visible.
    GATEWAY_LOG.setLevel(Level.WARNING);
    SERVICE_LOG.setLevel(Level.WARNING);
    MPC_LOG.setLevel(Level.WARNING);
    CommandLine cl = new CommandLine(new FleetBench());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
          || e instanceof java.io.IOException) {
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    System.exit(cl.execute(args));
  }
}
