package org.heatgrid.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of {@code ./heatgrid}. */
@Command(name = "heatgrid", mixinStandardHelpOptions = true, version = "heatgrid 0.1.0",
    description = "Heat-supply control for clusters of buildings on district heating.",
    subcommands = {SimulateCommand.class, CompareCommand.class, IdentifyCommand.class,
        CommissionCommand.class, BenchCommand.class, SolverBenchCommand.class,
        ForecastCommand.class, HotWaterBacktestCommand.class, SiteCommand.class, LearnCommand.class,
        RunCommand.class, FleetBenchCommand.class, FleetAuthCommand.class, TuneCommand.class})
public final class HeatgridCommand implements Runnable {

  // DL4J and ND4J report every epoch and their start-up at INFO; the command line shows its own
  // summary instead. Held in fields because java.util.logging keeps loggers only weakly.
  private static final java.util.logging.Logger DL4J = java.util.logging.Logger.getLogger("org.deeplearning4j");
  private static final java.util.logging.Logger ND4J = java.util.logging.Logger.getLogger("org.nd4j");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    DL4J.setLevel(java.util.logging.Level.WARNING);
    ND4J.setLevel(java.util.logging.Level.WARNING);
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; bad input of the simulator's own kinds becomes a short error. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new HeatgridCommand());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
          || e instanceof java.io.UncheckedIOException) {
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cl;
  }
}
