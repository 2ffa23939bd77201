package org.heatgrid.cli;

import java.io.PrintStream;
import org.heatgrid.sim.run.ProgressListener;

/**
 * A one-line progress bar on standard error that appears only once a run has taken more than a
 * second, so short runs stay quiet. Redraws at most ten times a second.
 */
final class ProgressBar implements ProgressListener {

  private static final long SHOW_AFTER_NS = 1_000_000_000L;
  private static final long REDRAW_NS = 100_000_000L;
  private final PrintStream out;
  private final String label;
  private final long started = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  @Override
  public void progress(long done, long total) {
    long now = System.nanoTime();
    boolean last = done >= total;
    if (now - started < SHOW_AFTER_NS || (!last && now - lastDraw < REDRAW_NS)) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    out.printf("\r%s [%s%s] %3d%% %5.1f s", label, "#".repeat(filled), " ".repeat(width - filled),
        100 * done / Math.max(1, total), (now - started) / 1e9);
    if (last) {
      out.println();
    }
    out.flush();
  }
}
