package org.heatgrid.control.service.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.forecast.data.MeterCsv;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.mv.AvoidedEnergy;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.heatgrid.site.Site;

/**
 * The site's measured savings (M&V) since the MPC first ran: the hourly meters of the period the
 * site ran on its heating curve, kept when the first bundle is learnt from it
 * ({@code <store>/mv/baseline.csv}), fit the former operation's model; the service's own record
 * since the MPC took over ({@code <store>/mv/reporting-from}) gives the weather that came and the
 * metered heat ({@link AvoidedEnergy}). Recomputed from the record at most once a minute.
 */
public final class SiteSavings {

  private static final Logger LOG = Logger.getLogger(SiteSavings.class.getName());
  private static final long FRESH_NANOS = Duration.ofMinutes(1).toNanos();

  /**
   * @param estimate the savings, or empty with {@code why}
   * @param baselineFrom first hour of the baseline period (null when there is none)
   * @param baselineTo end of the baseline period
   * @param reportingFrom when the MPC first ran (null when it has not)
   */
  public record Result(Optional<AvoidedEnergy> estimate, String why, Instant baselineFrom,
      Instant baselineTo, Instant reportingFrom) {}

  private final Site site;
  private final Path dir;
  private final RecordSource own;
  private volatile Result cached;
  private volatile long cachedAt;

  public SiteSavings(Site site, Path dir, RecordSource own) {
    this.site = site;
    this.dir = dir;
    this.own = own;
  }

  /** Keeps the curve period's hourly meters as the M&V baseline, unless one is kept already. */
  public synchronized void keepBaseline(SiteHistory curvePeriod) {
    Path f = dir.resolve("baseline.csv");
    if (Files.exists(f)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      MeterCsv.write(curvePeriod.hourlyHeat(), f);
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "cannot keep the M&V baseline in " + f + ": " + e.getMessage());
    }
  }

  /** The MPC runs from {@code at} on, unless it ran before (the reporting period starts once). */
  public synchronized void reportingStarts(Instant at) {
    Path f = dir.resolve("reporting-from");
    if (Files.exists(f)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(f, at.toString() + "\n");
    } catch (IOException e) {
      LOG.warning(() -> "cannot write " + f + ": " + e.getMessage());
    }
    cached = null;
  }

  /** The savings to date, computed now. */
  public Result now() {
    Result r = compute();
    cached = r;
    cachedAt = System.nanoTime();
    return r;
  }

  /** The savings to date (at most a minute old). */
  public Result toDate() {
    Result r = cached;
    if (r == null || System.nanoTime() - cachedAt > FRESH_NANOS) {
      r = compute();
      cached = r;
      cachedAt = System.nanoTime();
    }
    return r;
  }

  private Result compute() {
    Path base = dir.resolve("baseline.csv");
    Path from = dir.resolve("reporting-from");
    if (!Files.exists(base)) {
      return new Result(Optional.empty(), "no M&V baseline yet: it is kept when the first bundle "
          + "is learnt from the period on the heating curve", null, null, null);
    }
    MeterData baseline;
    Instant reportingFrom;
    try {
      baseline = MeterCsv.read(base).data();
      if (!Files.exists(from)) {
        return new Result(Optional.empty(), "the MPC has not run yet: nothing to report",
            baseline.start(), baseline.time(baseline.length()), null);
      }
      reportingFrom = Instant.parse(Files.readString(from).trim());
    } catch (IOException | RuntimeException e) {
      return new Result(Optional.empty(), "cannot read the M&V baseline in " + dir + ": "
          + e.getMessage(), null, null, null);
    }
    Instant bFrom = baseline.start();
    Instant bTo = baseline.time(baseline.length());
    try {
      SiteRecord record = own.read(site.name());
      record.retain(new java.util.HashSet<>(baseline.buildings()));
      MeterData all = record.history(site).hourlyHeat();
      MeterData reporting = since(all, reportingFrom);
      if (reporting == null) {
        return new Result(Optional.empty(), "no whole hour of the record since the MPC took over at "
            + reportingFrom, bFrom, bTo, reportingFrom);
      }
      AvoidedEnergy a = AvoidedEnergy.estimate(baseline, reporting, site.zone(), site.tariff());
      return new Result(Optional.of(a), "computed", bFrom, bTo, reportingFrom);
    } catch (RecordException | IllegalArgumentException e) {
      return new Result(Optional.empty(), "not computed: " + e.getMessage(), bFrom, bTo,
          reportingFrom);
    }
  }

  /** The hours of {@code all} that start at or after {@code from}, but the last (still open) one. */
  private static MeterData since(MeterData all, Instant from) {
    int first = 0;
    while (first < all.length() && all.time(first).isBefore(from)) {
      first++;
    }
    int end = all.length() - 1;
    if (end <= first) {
      return null;
    }
    int nb = all.buildings().size();
    double[][][] out = new double[3][nb][];
    for (int b = 0; b < nb; b++) {
      out[0][b] = Arrays.copyOfRange(all.heatKw()[b], first, end);
      out[1][b] = Arrays.copyOfRange(all.outdoorC()[b], first, end);
      out[2][b] = Arrays.copyOfRange(all.ghiWm2()[b], first, end);
    }
    return new MeterData(all.time(first), all.step(), all.buildings(), out[0], out[1], out[2]);
  }
}
