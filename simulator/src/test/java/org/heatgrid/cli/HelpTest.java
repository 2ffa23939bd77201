package org.heatgrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

  @Test
  void helpListsEveryCommand_runIncluded() {
    CommandLine cl = HeatgridCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    for (String command : new String[] {"run", "simulate", "compare", "identify", "commission",
        "bench", "solver-bench", "forecast", "hot-water-backtest", "site"}) {
      assertThat(out.toString()).as(command).containsPattern("(?m)^  " + command + " ");
    }
  }

  @Test
  void runThroughTheSimulatorsJar_pointsToTheLauncher() {
    CommandLine cl = HeatgridCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("run", "--days", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("./heatgrid run");
  }
}
