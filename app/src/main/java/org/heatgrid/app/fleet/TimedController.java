package org.heatgrid.app.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.site.Site;

/**
 * A controller that times its delegate's {@link #decide}: the CPU time of the calling thread
 * (what the plan costs, whatever else runs on the machine) beside the wall time (what the loop
 * waits, which on a loaded machine includes time the thread was not running). The loop's own
 * figure of the plan's wall time is the {@code decide_s} of its {@code loop} record ({@link
 * SiteSink}); this adds the CPU side. Same threading as the delegate (the loop's thread).
 */
final class TimedController implements Controller {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.ThreadMXBean SUN_THREADS =
      THREADS instanceof com.sun.management.ThreadMXBean s ? s : null;

  private final Controller delegate;
  private final List<double[]> timings = new ArrayList<>(); // {at ms, wall s, cpu s, bytes}

  TimedController(Controller delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void start(Site site) {
    delegate.start(site);
  }

  @Override
  public Decision decide(Observation observation) {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long bytes0 = allocated();
    long wall0 = System.nanoTime();
    try {
      return delegate.decide(observation);
    } finally {
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double bytes = allocated() - bytes0;
      synchronized (timings) {
        timings.add(new double[] {observation.time().toEpochMilli(), wall, cpu, bytes});
      }
    }
  }

  /** Bytes this thread allocated so far (the garbage a plan leaves); 0 where not measured. */
  private static long allocated() {
    return SUN_THREADS != null ? SUN_THREADS.getCurrentThreadAllocatedBytes() : 0;
  }

  /**
   * Every decision so far: {@code {period (epoch ms of the observation), wall s, cpu s, bytes
   * allocated}} per call.
   */
  List<double[]> timings() {
    synchronized (timings) {
      return new ArrayList<>(timings);
    }
  }
}
