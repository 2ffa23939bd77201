package org.heatgrid.app.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux's scheduling autogroups ({@code /proc/PID/autogroup}): with autogroup on, the CPU is
 * shared between groups (one per session) first and between a group's threads second, so a
 * process in a session of its own whose group is niced takes CPU from the others only when they
 * leave it idle, however many threads it runs.
 */
final class Autogroup {

  private Autogroup() {}

  /**
   * Sets this process's autogroup niceness, if this process has a group of its own (not its
   * parent's, which it would slow down too). Returns what it did, for the console.
   */
  static String lower(int nice) {
    Path self = Path.of("/proc/self/autogroup");
    long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    Path theirs = Path.of("/proc", String.valueOf(parent), "autogroup");
    try {
      if (!Files.isReadable(self) || !Files.isReadable(theirs)) {
        return "no autogroups here; threads at nice " + nice;
      }
      String mine = group(Files.readString(self));
      if (mine.equals(group(Files.readString(theirs)))) {
        return "in the parent's autogroup (" + mine + "), left as it is; threads at nice " + nice;
      }
      Files.writeString(self, String.valueOf(nice));
      return "own autogroup " + Files.readString(self).strip() + "; threads at nice " + nice;
    } catch (IOException | RuntimeException e) {
      return "autogroup not changed (" + e.getMessage() + "); threads at nice " + nice;
    }
  }

  /** "/autogroup-30 nice 0" -> "/autogroup-30". */
  private static String group(String line) {
    return line.strip().split(" ")[0];
  }
}
