package org.heatgrid.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * {@code heatgrid run}: parses the options, prepares the run (baseline reference, controller,
 * warmed-up plant, broker) and then starts Quarkus with the control service configured for it;
 * {@link LiveRun} does the rest.
 */
@QuarkusMain
public final class RunMain {

  private RunMain() {}

  public static void main(String... args) {
    RunOptions options = new RunOptions();
    CommandLine cl = new CommandLine(options);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println("error: " + e.getMessage());
      cl.usage(System.err);
      System.exit(2);
    }
    if (cl.isUsageHelpRequested()) {
      cl.usage(System.out);
      return;
    }
    if (cl.isVersionHelpRequested()) {
      System.out.println("heatgrid 0.1.0");
      return;
    }
    RunSetup setup;
    try {
      setup = RunSetup.prepare(options, System.out);
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    RunContext.set(setup);
    setup.serviceProperties().forEach(System::setProperty);
    Quarkus.run(LiveRun.class, (code, failure) -> {
      setup.stopBroker();
      if (failure != null) {
        System.err.println("error: " + failure);
      }
      System.exit(code);
    }, args);
  }
}
