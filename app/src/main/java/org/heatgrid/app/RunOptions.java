package org.heatgrid.app;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of {@code heatgrid run}. */
@Command(name = "heatgrid run", mixinStandardHelpOptions = true,
    description = {"The main job in one process: an MQTT 5 broker (embedded HiveMQ CE unless --broker),"
        + " 16 virtual gateways on the simulated campus, the control loop and the operator API, on"
        + " accelerated simulated time; prints the running savings against the baseline simulated"
        + " on the same trace, and with --days the KPI table at the end."})
final class RunOptions {

  @Option(names = "--broker", paramLabel = "URL",
      description = "An external MQTT 5 broker, e.g. tcp://127.0.0.1:1883 (default: embedded HiveMQ CE on 127.0.0.1:1883, or a free port).")
  String broker;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "MQTT passwords for --broker: 'user:password' lines (controller, B01..B16), as deploy/mosquitto/make-passwords.sh writes them. Default: HEATGRID_MQTT_PASSWORD for every user, or none.")
  Path credentials;

  @Option(names = "--influx", paramLabel = "URL",
      description = "InfluxDB 1.x to write to, e.g. http://127.0.0.1:8086 (default: none; points go to DATA/points.lp and memory).")
  String influx;

  @Option(names = "--days", paramLabel = "N",
      description = "Stop after N simulated days and print the KPI table (default: run to the scenario's last day).")
  Integer days;

  @Option(names = "--speed", paramLabel = "X", defaultValue = "2880",
      description = "Simulated seconds per wall second (default: ${DEFAULT-VALUE}, a day in 30 s).")
  double speed;

  @Option(names = "--controller", paramLabel = "NAME", defaultValue = "mpc",
      description = "mpc (learnt from the site's own history first, see --history-days) or baseline (default: ${DEFAULT-VALUE}).")
  String controller;

  @Option(names = "--history-days", paramLabel = "N", defaultValue = "14",
      description = "With mpc: days the site first runs on the heating curve through the service, recording its telemetry, before the MPC is learnt from that record (default: ${DEFAULT-VALUE}, the service's heatgrid.models.min-days).")
  int historyDays;

  @Option(names = "--history-speed", paramLabel = "X", defaultValue = "8000",
      description = "Simulated seconds per wall second during the history days (default: ${DEFAULT-VALUE}; setpoints that arrive late there leave the gateways on their own curve, which the record shows).")
  double historySpeed;

  @Option(names = "--scenario", paramLabel = "FILE|NAME", defaultValue = "campus16",
      description = "Scenario file or shipped name (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--from", paramLabel = "DATE", description = "First simulated day (default: the scenario's).")
  LocalDate from;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "runs/live",
      description = "Data directory: audit log, points without InfluxDB, kpis.json (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of the operator API (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--every", paramLabel = "HOURS", defaultValue = "6",
      description = "Simulated hours between savings lines (default: ${DEFAULT-VALUE}).")
  int everyHours;
}
