package org.heatgrid.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid fleet-bench}, listed here so that {@code ./heatgrid --help} shows every command.
 * The launcher starts it from the app module ({@code org.heatgrid.app.fleet.FleetBench}), which
 * holds the control runtime and the gateways it needs.
 */
@Command(name = "fleet-bench",
    description = "Fleet scale test on one machine: N sites of 16 buildings (default 64, 1,024 "
        + "buildings), each with its own control runtime and MPC, one gateway per building, all "
        + "through one Mosquitto with the fleet ACL, on accelerated time (default 100x, 2 days). "
        + "Reports missed setpoints, plan time per site, setpoints/s, memory per site, broker CPU; "
        + "writes runs/fleet/fleet.json. './heatgrid fleet-bench --help' lists its options.")
final class FleetBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(hidden = true)
  List<String> ignored;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: 'fleet-bench' is started by the launcher: "
        + "./heatgrid fleet-bench [options] (the app module's classes)");
    return 2;
  }
}
