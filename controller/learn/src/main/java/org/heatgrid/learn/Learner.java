package org.heatgrid.learn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.logging.Logger;
import org.heatgrid.control.mpc.model.BuildingHistory;
import org.heatgrid.control.mpc.model.IdentificationException;
import org.heatgrid.control.mpc.model.IdentifiedModel;
import org.heatgrid.control.mpc.model.IdentifiedTwoState;
import org.heatgrid.control.mpc.model.ModelIdentifier;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.forecast.backtest.BacktestResult;
import org.heatgrid.forecast.backtest.DayAheadBacktest;
import org.heatgrid.forecast.baseline.NaiveYesterday;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.load.HotWaterProfile;
import org.heatgrid.forecast.load.NetworkLoadForecast;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.learn.bundle.ModelBundle;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.heatgrid.site.Site;

/**
 * Learns a site's {@link ModelBundle} from its own record: checks the record
 * ({@link HistoryCheck}), identifies every building's thermal model and emitter curve with every
 * n-th day held out, fits the hot-water profile, and trains the hot-water network on all but the
 * record's last days, which then backtest it day-ahead against yesterday's load. The network in the
 * bundle is the backtested one: its figures are of the model that runs.
 */
public final class Learner {

  private static final Logger LOG = Logger.getLogger(Learner.class.getName());
  static final int PROFILE_SLOT_MINUTES = 60;
  /** Hours between the network's issues: it can forecast from every third hour of the day. */
  static final int STRIDE_HOURS = 3;
  static final int MEMBERS = 2;
  /**
   * Usable days before the network is trained: its input is a week of load, and the last days
   * backtest it, so shorter records leave it too few samples to beat the profile.
   */
  static final int NETWORK_MIN_DAYS = 14;

  private Learner() {}

  /**
   * @throws RecordException naming what is missing when the record cannot be learnt from
   */
  public static ModelBundle learn(SiteRecord record, Site site, LearnSettings s) {
    SiteHistory h = record.history(site);
    HistoryCheck.Result check = HistoryCheck.check(record, h, s);
    List<String> warnings = new ArrayList<>();
    if (record.rejected() > 0) {
      warnings.add(record.rejected() + " lines or rows of the record were not used; first: "
          + record.rejections().get(0));
    }
    if (!record.hasIrradiance()) {
      warnings.add("the record has no irradiance: solar gains read as 0");
    }
    if (!record.otherSites().isEmpty()) {
      warnings.add("the source also holds sites " + record.otherSites() + " (not used)");
    }
    List<Manifest.Building> buildings = new ArrayList<>();
    for (int b = 0; b < site.buildings().size(); b++) {
      BuildingHistory bh;
      IdentifiedModel m;
      try {
        bh = h.history(b);
      } catch (IllegalArgumentException e) {
        // Local periods that do not follow each other: a daylight-saving change.
        throw new RecordException("building " + site.buildings().get(b).id() + ": the record "
            + "cannot be laid on local periods of " + site.controlStep() + " (" + e.getMessage()
            + "); sites whose zone changes to daylight saving are not supported yet", e);
      }
      SortedSet<LocalDate> heldOut = ModelIdentifier.heldOutDays(bh, s.heldOutEveryNthDay());
      try {
        m = ModelIdentifier.identify(bh, heldOut);
      } catch (IdentificationException | IllegalArgumentException e) {
        throw new RecordException("building " + bh.buildingId()
            + ": no plausible model from this record (" + e.getMessage() + ")", e);
      }
      Manifest.Building learnt = new Manifest.Building(bh.buildingId(), m.model(), m.emitter(),
          h.zoneSpreadK(b, s.zoneSpreadQuantile()), m.training(), m.heldOut());
      buildings.add(s.twoState() ? withTwoState(learnt, bh, heldOut, warnings) : learnt);
    }
    HotWaterProfile profile = HotWaterProfile.fit(h.periodStarts(), h.otherHeatKw(),
        PROFILE_SLOT_MINUTES, site.holidays());
    NetworkForecaster network = null;
    Manifest.Forecaster forecaster = new Manifest.Forecaster("profile", List.of(), STRIDE_HOURS,
        Map.of(), Backend.name());
    if (s.network()) {
      MeterData hourly = NetworkLoadForecast.withLoad(h.hourlyOtherHeat());
      if (hourly.buildings().isEmpty()) {
        warnings.add("no building has enough hot-water load for the network: the profile forecasts");
      } else if (check.usableDays() < NETWORK_MIN_DAYS) {
        warnings.add("the record's " + check.usableDays() + " usable days are too few for the "
            + "hot-water network (it needs " + NETWORK_MIN_DAYS + "): the profile forecasts");
      } else {
        try {
          NetworkForecaster f = new NetworkForecaster(NetworkLoadForecast.settings(site.holidays(),
              STRIDE_HOURS, MEMBERS, s.seed()));
          forecaster = backtest(hourly, f, site, s);
          network = f;
        } catch (RuntimeException e) {
          LOG.warning(() -> "hot-water network not trained: " + e);
          warnings.add("the hot-water network could not be trained (" + e.getMessage()
              + "): the profile forecasts");
        }
      }
    }
    Manifest.Data data = new Manifest.Data(record.source(), check.from().toString(),
        check.to().toString(), check.days(), check.usableDays(), record.readingCount(),
        record.rejected(), record.sha256(site.controlStep()));
    Manifest m = new Manifest(Manifest.FORMAT, null, site.name(), Instant.now().toString(), data,
        buildings, new Manifest.Profile(PROFILE_SLOT_MINUTES, profile.meanKw()), forecaster,
        warnings);
    return new ModelBundle(m, network);
  }

  /** Fits {@code network} on all but the last days, scores it on them beside yesterday's load. */
  /**
   * {@code learnt} with its building's two-state model, identified on the same training days and
   * scored on the same held-out days; a failed fit is a warning and the building keeps planning
   * with its first-order model.
   */
  private static Manifest.Building withTwoState(Manifest.Building learnt, BuildingHistory bh,
      SortedSet<LocalDate> heldOut, List<String> warnings) {
    try {
      IdentifiedTwoState two = ModelIdentifier.identifyTwoState(bh, heldOut, learnt.thermal());
      return new Manifest.Building(learnt.id(), learnt.thermal(), learnt.emitter(),
          learnt.zoneSpreadK(), learnt.training(), learnt.heldOut(), two.model(), two.heldOut());
    } catch (IdentificationException | IllegalArgumentException e) {
      warnings.add("building " + learnt.id() + ": no two-state model (" + e.getMessage()
          + "); the MPC plans it with the first-order model");
      return learnt;
    }
  }

  private static Manifest.Forecaster backtest(MeterData hourly, NetworkForecaster network, Site site,
      LearnSettings s) {
    LocalDate lastFull = hourly.time(hourly.length()).atZone(site.zone()).toLocalDate().minusDays(1);
    LocalDate testFrom = lastFull.minusDays(s.backtestDays() - 1);
    long t0 = System.nanoTime();
    BacktestResult r = DayAheadBacktest.run(hourly, testFrom, lastFull, site.zone(),
        List.of(network, new NaiveYesterday()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    LOG.info(() -> String.format("hot-water network for %s trained and backtested in %.1f s",
        hourly.buildings(), seconds));
    return new Manifest.Forecaster("network", hourly.buildings(), STRIDE_HOURS,
        r.metricsOf(network.name()), Backend.name());
  }
}
