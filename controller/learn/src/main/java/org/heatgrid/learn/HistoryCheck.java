package org.heatgrid.learn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.learn.record.RecordException;
import org.heatgrid.learn.record.SiteRecord;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.Site;

/**
 * Decides whether a site's record can be learnt from, and if not says what is missing and how much
 * more is needed: a record of another site, a building without telemetry, a signal the models need
 * that is missing, too few usable days (short, or lost to gaps). A day is usable when the share
 * {@link LearnSettings#dayCoverage()} of its periods has telemetry from every building.
 */
public final class HistoryCheck {

  /**
   * What the check found in an accepted record.
   *
   * @param from first local day with telemetry
   * @param to last local day with telemetry
   * @param days calendar days from {@code from} to {@code to}
   * @param usableDays days that meet the coverage
   */
  public record Result(LocalDate from, LocalDate to, int days, int usableDays) {}

  private HistoryCheck() {}

  /** @throws RecordException naming what is missing */
  public static Result check(SiteRecord record, SiteHistory history, LearnSettings s) {
    Site site = history.site();
    String src = record.source();
    if (record.readingCount() == 0) {
      throw new RecordException(src + " has no telemetry of site '" + site.name() + "'"
          + (record.otherSites().isEmpty() ? "" : ", only of " + new TreeSet<>(record.otherSites())
              + ": is it the other site's record, or the wrong site file?"));
    }
    Set<String> unknown = new TreeSet<>(record.buildings());
    site.buildings().forEach(b -> unknown.remove(b.id()));
    if (!unknown.isEmpty()) {
      throw new RecordException(src + " has telemetry of buildings " + unknown + " that site '"
          + site.name() + "' does not list: a record of another site, or an outdated site file");
    }
    for (BuildingInfo b : site.buildings()) {
      if (record.readings(b.id()).isEmpty()) {
        throw new RecordException("building " + b.id() + " has no telemetry in " + src
            + "; every building of site '" + site.name() + "' needs its own record");
      }
    }
    requireSignals(history, s);
    return days(history, s);
  }

  private static void requireSignals(SiteHistory h, LearnSettings s) {
    List<BuildingInfo> buildings = h.site().buildings();
    for (int b = 0; b < buildings.size(); b++) {
      int present = 0;
      int heat = 0;
      int indoor = 0;
      int outdoor = 0;
      for (int k = 0; k < h.size(); k++) {
        Telemetry t = h.telemetry(k, b);
        if (t == null) {
          continue;
        }
        present++;
        heat += Double.isFinite(t.spaceHeatKw()) ? 1 : 0;
        indoor += Double.isFinite(t.meanIndoorC()) ? 1 : 0;
        outdoor += Double.isFinite(t.outdoorC()) ? 1 : 0;
      }
      String id = buildings.get(b).id();
      need(id, "heat into the heating circuit (secondary_supply_c, secondary_return_c and "
          + "secondary_flow_m3h)", heat, present, s.signalShare());
      need(id, "indoor temperature (zone_N_c or indoor_mean_c)", indoor, present, s.signalShare());
      need(id, "outdoor temperature (outdoor_c)", outdoor, present, s.signalShare());
    }
  }

  private static void need(String id, String what, int have, int of, double share) {
    if (have < share * of) {
      throw new RecordException(String.format(Locale.ROOT,
          "building %s: %s is missing in %.0f %% of its %d readings; learning needs it in at "
              + "least %.0f %%", id, what, 100.0 * (of - have) / of, of, 100 * share));
    }
  }

  private static Result days(SiteHistory h, LearnSettings s) {
    Site site = h.site();
    int perDay = (int) (86_400 / site.controlStep().toSeconds());
    Map<LocalDate, Integer> complete = new TreeMap<>();
    for (int k = 0; k < h.size(); k++) {
      boolean all = true;
      for (int b = 0; b < site.buildings().size() && all; b++) {
        all = h.telemetry(k, b) != null;
      }
      complete.merge(h.periodStarts().get(k).toLocalDate(), all ? 1 : 0, Integer::sum);
    }
    LocalDate from = complete.keySet().stream().findFirst().orElseThrow();
    LocalDate to = ((TreeMap<LocalDate, Integer>) complete).lastKey();
    int usable = 0;
    List<String> gaps = new ArrayList<>();
    for (var e : complete.entrySet()) {
      double share = (double) e.getValue() / perDay;
      if (share >= s.dayCoverage()) {
        usable++;
      } else {
        gaps.add(String.format(Locale.ROOT, "%s (%.0f %%)", e.getKey(), 100 * share));
      }
    }
    int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    if (usable < s.minDays()) {
      String lost = gaps.isEmpty() ? "" : "; days short of telemetry: "
          + String.join(", ", gaps.subList(0, Math.min(6, gaps.size())))
          + (gaps.size() > 6 ? " and " + (gaps.size() - 6) + " more" : "");
      throw new RecordException(String.format(Locale.ROOT,
          "the record (%s .. %s) has %d usable days of the %d needed (a day is usable when "
              + "%.0f %% of its periods have telemetry from every building): record at least %d "
              + "more days%s", from, to, usable, s.minDays(), 100 * s.dayCoverage(),
          s.minDays() - usable, lost));
    }
    return new Result(from, to, days, usable);
  }
}
