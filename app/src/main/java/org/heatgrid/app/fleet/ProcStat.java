package org.heatgrid.app.fleet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** CPU and memory figures from {@code /proc} (Linux) and the JVM. */
final class ProcStat {

  /** Clock ticks per second of {@code /proc/PID/stat} (USER_HZ, 100 on Linux). */
  static final double TICKS_PER_SECOND = 100;

  private ProcStat() {}

  /** User plus system CPU seconds of process {@code pid} so far ({@code /proc/PID/stat}). */
  static OptionalDouble cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // The command name (field 2) is in parentheses and may contain spaces: count after it.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state); utime is field 14, stime field 15.
      return OptionalDouble.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  /** CPU seconds of this JVM so far. */
  static double jvmCpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return cpuSeconds(ProcessHandle.current().pid()).orElse(Double.NaN);
  }

  /** Resident set size of this process in bytes ({@code VmRSS}), or -1. */
  static long rssBytes() {
    return statusKb("VmRSS") * 1024;
  }

  /** Peak resident set size of this process in bytes ({@code VmHWM}), or -1. */
  static long peakRssBytes() {
    return statusKb("VmHWM") * 1024;
  }

  private static long statusKb(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /**
   * The machine's CPU time so far ({@code /proc/stat}, first line), in seconds: {@code {busy,
   * total}} summed over all cores, or empty when not available. Busy is everything but idle and
   * iowait.
   */
  static double[] machineCpuSeconds() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.strip().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
    } catch (IOException | RuntimeException e) {
      return new double[0];
    }
  }
}
