package org.heatgrid.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid run}, listed here so that {@code ./heatgrid --help} shows every command. The
 * launcher starts {@code run} from the app module (a Quarkus application: broker, gateways, control
 * service and the virtual campus in one process), so this class only answers when the simulator's
 * jar is called with {@code run} directly.
 */
@Command(name = "run",
    description = "The main job: an embedded MQTT broker, one edge gateway per building on the "
        + "virtual campus, and the control service with its operator API, on accelerated time. "
        + "The service first runs 14 days on the heating curve and records them, learns its MPC "
        + "from that record, then runs it; prints the savings against the baseline as it goes. "
        + "'./heatgrid run --help' lists its options (default: campus16, MPC, 8000x for the "
        + "history, 2880x after).")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(hidden = true)
  List<String> ignored;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: 'run' is started by the launcher: ./heatgrid run "
        + "[options] (the app module's jar, app/target/quarkus-app/quarkus-run.jar)");
    return 2;
  }
}
