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
    // HiveMQ (the embedded broker) brings Logback, which becomes SLF4J's provider in this process:
    // choose it explicitly (no multiple-provider warning) and configure it before its first use.
    System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
    System.setProperty("logback.configurationFile", "heatgrid-run-logback.xml");
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
        System.err.print("error: ");
        failure.printStackTrace();
      }
      System.exit(code);
    }, args);
  }
}
