package org.heatgrid.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.learn.bundle.ModelBundle;
import org.heatgrid.learn.record.LineProtocolRecords;
import org.heatgrid.learn.record.SiteRecord;

/**
 * The clean 15-day synthetic record and the bundle learnt from it without the network, learnt
 * once per test JVM: several test classes (learner, store, gate) need a real bundle, and learning
 * it again for each would only cost time.
 */
public record Learnt(SyntheticSite synthetic, SiteRecord record, SiteHistory history,
    ModelBundle bundle) {

  // The synthetic buildings are first order: a two-state fit has nothing to find in them (and
  // warns so). The tests of two-state models turn it on.
  public static final LearnSettings SETTINGS =
      LearnSettings.DEFAULTS.withNetwork(false).withTwoState(false);
  private static Learnt clean;

  /** The clean, noise-free fortnight (15 days) and its bundle. */
  public static synchronized Learnt clean() {
    if (clean == null) {
      SyntheticSite s = new SyntheticSite().days(15);
      SiteRecord r = read(s);
      clean = new Learnt(s, r, r.history(SyntheticSite.site()),
          Learner.learn(r, SyntheticSite.site(), SETTINGS));
    }
    return clean;
  }

  /** Writes {@code s} as points.lp in a temporary folder and reads the site's record back. */
  public static SiteRecord read(SyntheticSite s) {
    return read(s, SyntheticSite.NAME);
  }

  public static SiteRecord read(SyntheticSite s, String site) {
    try {
      Path dir = Files.createTempDirectory("heatgrid-learn-test");
      Path f = s.write(dir);
      try {
        return LineProtocolRecords.read(f, site, TimeUnit.MILLISECONDS);
      } finally {
        Files.delete(f);
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
