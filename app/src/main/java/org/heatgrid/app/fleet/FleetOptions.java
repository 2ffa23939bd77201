package org.heatgrid.app.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What a fleet bench runs.
 *
 * @param sites number of sites, each a copy of the scenario's campus named {@code site01 ..}
 * @param days simulated days measured (a fraction for short trials; whole control periods)
 * @param speed simulated seconds per wall second
 * @param from first simulated day; null: {@link #DEFAULT_FROM}
 * @param out directory for {@code fleet.json} and the broker's files
 * @param scenario scenario name or file (default campus16)
 * @param broker an external broker's URI; null: a Mosquitto started for the run
 * @param credentials the external broker's {@code user:password} file (users {@code
 *     <site>.controller} and {@code <site>.<building>})
 * @param brokerPid the external broker's process id, for its CPU time; 0: unknown
 * @param gatewayTick wall time between a gateway's looks at the clock; null: {@link
 *     #GATEWAY_TICK_SIMULATED} of simulated time
 * @param controlTick wall time between a control loop's looks at the clock; null: {@link
 *     #CONTROL_TICK_SIMULATED} of simulated time
 * @param progressHours simulated hours between progress lines; 0: none
 * @param jitWarmup whether the MPC plans one simulated day in-process before the fleet starts
 * @param edgeNice the simulated edge's niceness (0-19; 0: the services' priority)
 */
public record FleetOptions(int sites, double days, double speed, LocalDate from, Path out,
    String scenario, String broker, Path credentials, long brokerPid, Duration gatewayTick,
    Duration controlTick, int progressHours, boolean jitWarmup, int edgeNice) {

  /**
   * The default speed, 100x (a 15-minute period in 9 s wall): at 600x 64 sites overload 2 cores
   * (plans p99 2.4 s of a 1.5 s period, setpoints expiring); see app/FLEET.md.
   */
  public static final double DEFAULT_SPEED = 100;
  /**
   * The simulated edge runs in a scheduling group of its own at niceness 19: it stands for 1,024
   * devices of their own, which in a deployment take nothing from the control services' cores;
   * here they share two and it takes what the services leave (app/FLEET.md).
   */
  public static final int DEFAULT_EDGE_NICE = 19;
  /** A Monday in mid-winter, when every building heats. */
  public static final LocalDate DEFAULT_FROM = LocalDate.of(2026, 1, 5);

  /**
   * A gateway looks at its clock every 30 simulated seconds (1/30 of the control period): it
   * decides expiry and when to send telemetry on its ticks (setpoints are handled when they
   * arrive). A real gateway ticks every wall second; 1,024 gateways ticking every few milliseconds
   * would cost the machine more than everything else.
   */
  public static final Duration GATEWAY_TICK_SIMULATED = Duration.ofSeconds(30);
  /** A control loop looks at its clock every 5 simulated seconds (when a period starts). */
  public static final Duration CONTROL_TICK_SIMULATED = Duration.ofSeconds(5);

  public FleetOptions {
    if (sites < 1) {
      throw new IllegalArgumentException("--sites must be at least 1: " + sites);
    }
    if (!(days > 0) || days > 366) {
      throw new IllegalArgumentException("--days must be positive (at most 366): " + days);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("--speed must be a positive number: " + speed);
    }
    if ((broker == null) != (credentials == null)) {
      throw new IllegalArgumentException("--broker and --credentials go together");
    }
    if (gatewayTick == null) {
      gatewayTick = wallTick(GATEWAY_TICK_SIMULATED, speed);
    }
    if (controlTick == null) {
      controlTick = wallTick(CONTROL_TICK_SIMULATED, speed);
    }
    if (gatewayTick.toMillis() < 1 || controlTick.toMillis() < 1) {
      throw new IllegalArgumentException("ticks must be at least 1 ms");
    }
    if (from == null) {
      from = DEFAULT_FROM;
    }
    if (edgeNice < 0 || edgeNice > 19) {
      throw new IllegalArgumentException("--edge-nice must be within 0-19: " + edgeNice);
    }
  }

  /** The defaults: 64 sites, 2 days at {@link #DEFAULT_SPEED}, a Mosquitto of its own. */
  public static FleetOptions defaults(Path out) {
    return new FleetOptions(64, 2, DEFAULT_SPEED, DEFAULT_FROM, out, "campus16", null, null, 0,
        null, null, 6, true, DEFAULT_EDGE_NICE);
  }

  public FleetOptions withSites(int n) {
    return new FleetOptions(n, days, speed, from, out, scenario, broker, credentials, brokerPid,
        gatewayTick, controlTick, progressHours, jitWarmup, edgeNice);
  }

  public FleetOptions withDays(double n) {
    return new FleetOptions(sites, n, speed, from, out, scenario, broker, credentials, brokerPid,
        gatewayTick, controlTick, progressHours, jitWarmup, edgeNice);
  }

  /** The same at another speed, with the ticks derived for it. */
  public FleetOptions withSpeed(double s) {
    return new FleetOptions(sites, days, s, from, out, scenario, broker, credentials, brokerPid,
        null, null, progressHours, jitWarmup, edgeNice);
  }

  /** {@code simulated} of simulated time in wall time at {@code speed}, within 5 ms .. 1 s. */
  static Duration wallTick(Duration simulated, double speed) {
    long ms = Math.round(simulated.toMillis() / speed);
    return Duration.ofMillis(Math.max(5, Math.min(1000, ms)));
  }

  /** The name of site {@code i} (0-based) of {@code sites}: site01, site02 ... */
  static String siteName(int i, int sites) {
    int width = Math.max(2, String.valueOf(sites).length());
    return String.format(java.util.Locale.ROOT, "site%0" + width + "d", i + 1);
  }

  /** The wall-clock length of one control period of {@code step} at this speed, in seconds. */
  public double wallSeconds(Duration step) {
    return step.toMillis() / 1000.0 / speed;
  }
}
