package org.heatgrid.app.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bench's side of {@link FleetEdgeMain}: starts the simulated edge as a child JVM on this
 * JVM's class path (at a lower CPU priority, {@code nice}, when asked), copies its console lines
 * to the bench's console, and exchanges the protocol lines. Any wait gives up with a clear error
 * when the child has ended or does not answer in time.
 */
final class EdgeProcess implements AutoCloseable {

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

  private EdgeProcess(Process process, PrintStream console) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith(FleetEdgeMain.TAG)) {
            replies.add(line.substring(FleetEdgeMain.TAG.length()));
          } else {
            console.println("  [edge] " + line);
          }
        }
      } catch (IOException e) {
        // the child ended
      }
    }, "edge-console");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the child.
   *
   * @param nice the child's niceness (0: as this process; 1-19: lower priority, Linux {@code
   *     nice})
   * @param jvmOptions options of the child JVM (heap)
   * @param args {@link FleetEdgeMain}'s options
   */
  static EdgeProcess start(int nice, List<String> jvmOptions, List<String> args,
      PrintStream console) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (nice != 0) {
      // A session of its own gives the child its own scheduling group (Linux autogroup), whose
      // niceness it then lowers: nice alone is per thread, and the edge's hundred runnable gateway
      // threads at nice 10 still outweighed two planner threads at 0 (app/FLEET.md).
      if (onPath("setsid")) {
        cmd.add("setsid");
      }
      cmd.addAll(List.of("nice", "-n", String.valueOf(nice)));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    String format = System.getProperty("java.util.logging.SimpleFormatter.format");
    if (format != null) {
      cmd.add("-Djava.util.logging.SimpleFormatter.format=" + format);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        FleetEdgeMain.class.getName()));
    cmd.addAll(args);
    if (nice != 0) {
      cmd.addAll(List.of("--autogroup-nice", String.valueOf(nice)));
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new EdgeProcess(p, console);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  long pid() {
    return process.pid();
  }

  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /**
   * Waits for the reply {@code expected} (its first word), and returns the whole reply.
   *
   * @throws IllegalStateException when the child ended, answered something else, or did not
   *     answer within {@code limit}
   */
  String await(String expected, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      String r = replies.poll(200, TimeUnit.MILLISECONDS);
      if (r != null) {
        if (r.split(" ", 2)[0].equals(expected)) {
          return r;
        }
        throw new IllegalStateException("the simulated edge answered '" + r + "' where '"
            + expected + "' was expected");
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the simulated edge (child JVM) ended with exit code "
            + process.exitValue() + " before '" + expected + "'; its errors are above");
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException("gave up waiting for the simulated edge's '" + expected
            + "' after " + limit + " (its last lines are above)");
      }
    }
  }

  /** Asks for the edge's figures, written to {@code file}, and reads them. */
  EdgeReport finish(Path file) throws IOException, InterruptedException {
    send("finish " + file.toAbsolutePath());
    await("done", Duration.ofMinutes(5));
    return EdgeReport.read(file);
  }

  /** Tells the child to close its gateways and end; ends it by force after 2 minutes. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        send("exit");
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
