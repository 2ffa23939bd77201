package org.heatgrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.heatgrid.control.mpc.MpcSettings;
import org.heatgrid.control.mpc.PlanModel;
import org.heatgrid.learn.LearnSettings;
import org.heatgrid.learn.Learner;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.bundle.BundleException;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.learn.bundle.ModelBundle;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heatgrid learn}: a site's model bundle from its own recorded telemetry, into a bundle
 * store the control service runs its MPC from.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
    description = "Learn a site's model bundle (building models with held-out fit, hot-water "
        + "network with its backtest) from the telemetry its control service recorded, into a "
        + "bundle store. Exit 2 when the record cannot be learnt from, saying what is missing.")
final class LearnCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--site", paramLabel = "FILE", required = true,
      description = "The site file the control service runs (./heatgrid site writes one).")
  String site;

  static final class Source {
    @Option(names = "--records", paramLabel = "DIR|FILE",
        description = "The control service's data folder (heatgrid.data-dir, holding points.lp) or a line-protocol file.")
    Path records;

    @Option(names = "--influx", paramLabel = "URL",
        description = "The InfluxDB 1.x the control service wrote to.")
    String influx;

    @Option(names = "--csv", paramLabel = "FILE",
        description = "A telemetry CSV export: time,building,heat_kw,secondary_supply_c,"
            + "secondary_return_c,secondary_flow_m3h,outdoor_c,zone_1_c...[,ghi_wm2].")
    Path csv;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--database", paramLabel = "NAME", defaultValue = "heatgrid",
      description = "InfluxDB database (default: ${DEFAULT-VALUE}).")
  String database;

  @Option(names = "--out", paramLabel = "STORE", required = true,
      description = "Bundle store (folder); the bundle is stored as its next version.")
  Path out;

  @Option(names = "--min-days", paramLabel = "N", defaultValue = "14",
      description = "Usable days the record needs (default: ${DEFAULT-VALUE}).")
  int minDays;

  @Option(names = "--buildings", paramLabel = "IDS", split = ",",
      description = "Learn only these buildings of the site file (as heatgrid.site.buildings).")
  List<String> buildings = List.of();

  @Option(names = "--no-network", description = "Forecast hot water with the profile only (no training).")
  boolean noNetwork;

  @Option(names = "--plan-model", paramLabel = "one-state|two-state",
      description = "The building model the bundle's MPC plans with: two-state (air and "
          + "structure, identified as well; default) or one-state (first order with an air "
          + "offset only).")
  String planModel;

  @Option(names = "--activate", description = "Make the new bundle the active one.")
  boolean activate;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Site s = SiteFile.read(site, buildings);
      RecordSource src = source.records != null ? new RecordSource.Records(source.records)
          : source.influx != null ? new RecordSource.Influx(source.influx, database)
          : new RecordSource.Csv(source.csv);
      LearnSettings settings = LearnSettings.DEFAULTS.withMinDays(minDays).withNetwork(!noNetwork);
      if (planModel != null) {
        PlanModelOption.requireKnown(spec.commandLine(), planModel);
        settings = settings.withTwoState(planModel.equals("two-state"));
      }
      long t0 = System.nanoTime();
      SiteRecord record = src.read(s.name());
      if (!buildings.isEmpty()) {
        record.retain(java.util.Set.copyOf(buildings));
      }
      ModelBundle bundle = Learner.learn(record, s, settings);
      BundleStore store = new BundleStore(this.out);
      String version = store.save(bundle);
      print(out, store.load(version), (System.nanoTime() - t0) / 1e9);
      if (activate) {
        store.activate(version);
        out.println("active: " + version);
      }
      out.println("stored " + version + " in " + this.out);
      return 0;
    } catch (RecordException | BundleException | IllegalArgumentException e) {
      err.println("heatgrid learn: " + e.getMessage());
      return 2;
    }
  }

  static void print(PrintWriter out, ModelBundle bundle, double seconds) {
    Manifest m = bundle.manifest();
    Manifest.Data d = m.data();
    out.printf(Locale.ROOT, "bundle %s of site %s: %d usable days of %d (%s .. %s), %d readings"
        + " (%d not used), sha256 %s…, learnt in %.1f s%n", m.version(), m.site(), d.usableDays(),
        d.days(), d.from(), d.to(), d.readings(), d.rejected(), d.sha256().substring(0, 12), seconds);
    out.println("building  held-out 24 h RMSE K  bias K  UA kW/K  C kWh/K  tau h  zone spread K"
        + "  margin K");
    // The margins the control service's MPC will plan from this bundle, by the same rule.
    Collection<PlanModel> planned = bundle.planModels().values();
    double[] margins = MpcSettings.defaultsFor(planned).marginsK(
        planned.stream().mapToDouble(pm -> pm.plannedHeldOut().horizonRmseK()).toArray());
    int row = 0;
    for (Manifest.Building b : m.buildings()) {
      out.printf(Locale.ROOT, "%-8s  %20.3f  %6.3f  %7.2f  %7.1f  %5.1f  %13.2f  %8.2f%n", b.id(),
          b.heldOut().horizonRmseK(), b.heldOut().biasK(), b.thermal().uaKwPerK(),
          b.thermal().capacityKwhPerK(), b.thermal().timeConstantHours(), b.zoneSpreadK(),
          margins[row++]);
    }
    out.printf(Locale.ROOT, "mean held-out 24 h RMSE: %.3f K%n", m.meanHeldOutRmseK());
    Manifest.Forecaster f = m.forecaster();
    if (f.kind().equals("network")) {
      out.printf(Locale.ROOT, "hot-water network (%s backend) for %s; day-ahead backtest %s .. %s: "
          + "CV(RMSE) %s %% vs yesterday's load %s %%%n", f.backend(), f.buildings(),
          f.backtest().get("test_from"), f.backtest().get("test_to"),
          cv(f.backtest().get("mean")), cv(((Map<?, ?>) f.backtest().getOrDefault("baselines",
              Map.of())).get("naive_24h")));
    } else {
      out.println("hot water: profile only");
    }
    m.warnings().forEach(w -> out.println("warning: " + w));
  }

  private static String cv(Object errors) {
    if (errors instanceof Map<?, ?> e && e.get("cvrmse") instanceof Number n) {
      return String.format(Locale.ROOT, "%.1f", n.doubleValue());
    }
    return "n/a";
  }
}
