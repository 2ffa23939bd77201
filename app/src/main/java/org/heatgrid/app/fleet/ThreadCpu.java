package org.heatgrid.app.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this JVM's threads by what they belong to (gateways, control services, their MQTT
 * clients, the plants, the JVM), from {@link ThreadMXBean#getThreadCpuTime} (user plus system).
 * Threads that ended between two snapshots are missing from the difference.
 */
final class ThreadCpu {

  /** The groups, in the order reported. */
  static final List<String> GROUPS = List.of("gateway loops", "gateway MQTT clients",
      "control loops", "control MQTT clients", "plants", "other (JVM, JIT, GC, main)");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> cpuById;
  private final Map<Long, String> groupById;

  private ThreadCpu(Map<Long, Long> cpuById, Map<Long, String> groupById) {
    this.cpuById = cpuById;
    this.groupById = groupById;
  }

  static ThreadCpu now() {
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> group = new HashMap<>();
    if (!THREADS.isThreadCpuTimeSupported()) {
      return new ThreadCpu(cpu, group);
    }
    for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long ns = THREADS.getThreadCpuTime(t.getThreadId());
      if (ns >= 0) {
        cpu.put(t.getThreadId(), ns);
        group.put(t.getThreadId(), group(t.getThreadName()));
      }
    }
    return new ThreadCpu(cpu, group);
  }

  /** CPU seconds per group spent between {@code before} and this snapshot. */
  Map<String, Double> since(ThreadCpu before) {
    Map<String, Double> out = new LinkedHashMap<>();
    GROUPS.forEach(g -> out.put(g, 0.0));
    cpuById.forEach((id, ns) -> {
      long base = before.cpuById.getOrDefault(id, 0L);
      out.merge(groupById.get(id), (ns - base) / 1e9, Double::sum);
    });
    return out;
  }

  static String group(String name) {
    if (name.startsWith("gateway-")) {
      return GROUPS.get(0);
    }
    if (name.startsWith("MQTT ") && name.contains("heatgrid-gw-")) {
      return GROUPS.get(1);
    }
    if (name.startsWith("control-loop")) {
      return GROUPS.get(2);
    }
    if (name.startsWith("MQTT ") || name.startsWith("mqtt-")) {
      return GROUPS.get(3);
    }
    if (name.startsWith("fleet-plants")) {
      return GROUPS.get(4);
    }
    return GROUPS.get(5);
  }
}
