package org.heatgrid.app.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the simulated edge (the plants and gateways of {@link FleetEdge}, in a JVM of its own)
 * measured over the run's window, handed to the services' side as a JSON file at the end.
 *
 * @param gateways one entry per gateway, sites in order
 * @param cpuByThreads the edge JVM's CPU seconds in the window by thread group ({@link ThreadCpu})
 * @param heapAfterGcBytes the edge JVM's heap after a full GC, everything still running
 * @param rssBytes the edge JVM's resident set at the end
 * @param peakRssBytes its peak resident set
 * @param threads its live threads at the end
 */
record EdgeReport(List<Gateway> gateways, Map<String, Double> cpuByThreads,
    long heapAfterGcBytes, long rssBytes, long peakRssBytes, int threads) {

  /**
   * One gateway's record: its ledger's coverage of the window and its counters.
   *
   * @param latenciesMs for each setpoint issued in the window, simulated ms from issue to
   *     application
   * @param rejected setpoints rejected, by {@link org.heatgrid.gateway.RejectReason} name
   */
  record Gateway(String site, String building, SetpointLedger.Coverage coverage,
      long[] latenciesMs, long fallbacks, Map<String, Long> rejected, long telemetryPublished,
      long telemetryDropped, long connects, long resubscribes) {}

  void write(Path file) throws IOException {
    new ObjectMapper().writeValue(file.toFile(), this);
  }

  static EdgeReport read(Path file) throws IOException {
    return new ObjectMapper().readValue(file.toFile(), EdgeReport.class);
  }
}
