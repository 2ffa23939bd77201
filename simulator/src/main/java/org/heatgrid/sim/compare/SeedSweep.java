package org.heatgrid.sim.compare;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.heatgrid.sim.kpi.KpiReport;
import org.heatgrid.sim.kpi.KpiSet;
import org.heatgrid.sim.mpc.MpcParameters;
import org.heatgrid.sim.mpc.MpcSetup;
import org.heatgrid.sim.scenario.Scenario;

/**
 * One comparison per seed: the plant's disturbances, the sensors' noise and the forecast errors
 * change with the seed, the weather and the controllers' settings do not. A single seed is one draw
 * of that noise; the spread over seeds says how much of a saving is the controller's.
 *
 * @param comparisons per seed, in the order asked
 */
public record SeedSweep(Map<Long, Comparison> comparisons) {

  /**
   * Seeds compared at a time by the command line: one more than there are cores. With as many as
   * cores, the last of five seeds on two cores would run alone on one core for a whole seed's
   * time (each comparison also runs the baseline alone first, a few seconds).
   */
  public static final int SEEDS_AT_A_TIME = Runtime.getRuntime().availableProcessors() + 1;

  /** A figure of one controller on one seed, from its comparison. */
  public enum Figure {
    /** Season cost over the baseline's. */
    COST_RATIO(c -> ratio(c, KpiSet::costKrw)),
    /** Heat delivered over the baseline's. */
    ENERGY_RATIO(c -> ratio(c, KpiSet::energyMwh)),
    /** Occupied-hour discomfort, K*h per zone. */
    TDIS_OCCUPIED(c -> c.controller().cluster().tdisOccupiedKhPerZone()),
    /** Discomfort over all hours, K*h per zone. */
    TDIS_ALL(c -> c.controller().cluster().tdisKhPerZone()),
    /** The largest excess of a building's occupied discomfort over its own baseline figure. */
    WORST_BUILDING_EXCESS(c -> BuildingComfort.worstExcess(c.controller(), c.baseline())),
    /** Cluster peak over the baseline's. */
    PEAK_RATIO(c -> ratio(c, KpiSet::peakKw)),
    /** Share of the heat delivered in the tariff's peak band (not a ratio). */
    PEAK_BAND_SHARE(c -> c.controller().cluster().peakBandShare());

    private final ToDoubleFunction<Pair> value;

    Figure(ToDoubleFunction<Pair> value) {
      this.value = value;
    }

    /** The figure of {@code controller} in {@code c}. */
    public double of(Comparison c, String controller) {
      return value.applyAsDouble(new Pair(c.kpis().get(controller), c.baseline()));
    }

    private static double ratio(Pair p, ToDoubleFunction<KpiSet> kpi) {
      return kpi.applyAsDouble(p.controller().cluster()) / kpi.applyAsDouble(p.baseline().cluster());
    }
  }

  private record Pair(KpiReport controller, KpiReport baseline) {}

  /**
   * Runs the comparison of {@code controllers} on {@code scenario} once per seed, {@code
   * parallel} seeds at a time (each comparison runs its controllers in parallel too).
   *
   * @throws IllegalArgumentException when no seed is given
   */
  public static SeedSweep run(Scenario scenario, List<Long> seeds, List<String> controllers,
      MpcParameters mpc, int parallel) throws InterruptedException {
    return run(scenario, seeds, controllers, mpc, parallel, MpcSetup.shared(scenario, mpc));
  }

  /**
   * As above, with the MPC's models from one preparation shared by every seed (the history does
   * not depend on the evaluation's seed) and by any other sweep given the same supplier.
   */
  public static SeedSweep run(Scenario scenario, List<Long> seeds, List<String> controllers,
      MpcParameters mpc, int parallel, Supplier<MpcSetup.Prepared> prepared)
      throws InterruptedException {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds: give at least one");
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, seeds.size())));
    try {
      Map<Long, Future<Comparison>> futures = new LinkedHashMap<>();
      for (long seed : seeds) {
        futures.put(seed, pool.submit(
            () -> Comparison.run(scenario.withSeed(seed), controllers, mpc, prepared)));
      }
      Map<Long, Comparison> out = new LinkedHashMap<>();
      for (Map.Entry<Long, Future<Comparison>> f : futures.entrySet()) {
        try {
          out.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("seed " + f.getKey() + " failed: " + e.getCause().getMessage(),
              e.getCause());
        }
      }
      return new SeedSweep(out);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The controllers compared, the baseline first. */
  public List<String> controllers() {
    return new ArrayList<>(comparisons.values().iterator().next().runs().keySet());
  }

  /** Mean, minimum and maximum of a figure of {@code controller} over the seeds. */
  public DoubleSummaryStatistics stats(String controller, Figure figure) {
    DoubleSummaryStatistics s = new DoubleSummaryStatistics();
    comparisons.values().forEach(c -> s.accept(figure.of(c, controller)));
    return s;
  }

  /**
   * Parses a seed list: numbers and inclusive ranges, comma-separated ({@code 42-46}, {@code
   * 1,5,9-11}).
   *
   * @throws IllegalArgumentException naming the part that is not a seed or a range
   */
  public static List<Long> parseSeeds(String text) {
    List<Long> seeds = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-', 1);
        if (dash < 0) {
          seeds.add(Long.parseLong(p));
        } else {
          long from = Long.parseLong(p.substring(0, dash));
          long to = Long.parseLong(p.substring(dash + 1));
          if (to < from || to - from > 999) {
            throw new IllegalArgumentException("--seeds: range '" + p
                + "' must go up and hold at most 1000 seeds");
          }
          for (long s = from; s <= to; s++) {
            seeds.add(s);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--seeds: '" + p + "' is not a seed or a range like 42-46");
      }
    }
    return seeds.stream().distinct().toList();
  }
}
