package org.heatgrid.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.site.SiteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid site}: the control service's site file of a scenario's virtual campus, so that
 * the service runs the same site the simulator does (the shipped {@code sites/campus16.json} is
 * this command's output, and a test keeps it so).
 */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = "Write the control service's site file (buildings, schedules, comfort bands, "
        + "substation capacities, tariff) of a scenario's virtual campus.")
final class SiteCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "campus16",
      description = "Scenario file (JSON or YAML), or the name of a shipped one (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the site file here (default: print it).")
  Path out;

  @Override
  public Integer call() throws IOException {
    String json = SiteFile.write(Simulation.site(ScenarioOptions.apply(scenario, null, null, null)));
    if (out == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, json);
      spec.commandLine().getErr().println("wrote " + out);
    }
    return 0;
  }
}
