package org.heatgrid.control.baseline;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.Site;

/**
 * A second reference: the heating curve as a well-run building automation system drives it, the
 * functions such systems have carried for decades (EN 12098-1 and -3; optimum start/stop and room
 * influence in every major vendor's heating controller). Per building:
 * <ul>
 *   <li><b>room influence</b>: the curve's room target is shifted by {@link
 *       BestPracticeSettings#roomGain} times the gap between target and the reference room (the
 *       coldest zone sensor), so free gains and a too-steep curve no longer overheat and a cold
 *       building is caught;
 *   <li><b>optimum start</b>: the boost before opening starts when the time it needs, the gap
 *       between target and room divided by a heat-up rate the controller learns from its own
 *       mornings, is left; after a weekend or holiday the room is colder and it starts earlier;
 *   <li><b>optimum stop</b>: the curve drops to setback a fixed time before closing when the room
 *       is at its target, since the building's mass carries it;
 *   <li><b>weekend and holiday setback</b>: the setback target holds from closing to the next
 *       optimum start, however many closed days lie between.
 * </ul>
 * Without a valid room reading a building is driven as by {@link HeatingCurveController} (fixed
 * boost, no room influence): a sensor fault never costs comfort. The settings are generic, not
 * commissioned per site; only the curve and its trims are the commissioned baseline's.
 */
public final class BestPracticeController implements Controller {

  private final BaselineSettings curve;
  private final BestPracticeSettings settings;
  private final HeatingCurveController fallback;
  private final Map<String, OptimumStart> starts = new HashMap<>();
  private final DampedOutdoor dampedOutdoor;
  private Site site;

  public BestPracticeController(BaselineSettings curve, BestPracticeSettings settings) {
    this.curve = curve;
    this.settings = settings;
    this.fallback = new HeatingCurveController(curve);
    this.dampedOutdoor = new DampedOutdoor(curve.outdoorDampingHours());
  }

  @Override
  public String name() {
    return "best-practice";
  }

  @Override
  public void start(Site site) {
    this.site = site;
    fallback.start(site);
    starts.clear();
    dampedOutdoor.clear();
  }

  @Override
  public Decision decide(Observation o) {
    if (site == null) {
      throw new IllegalStateException("start(site) must be called before decide()");
    }
    double hours = o.step().toSeconds() / 3600.0;
    Map<String, Command> commands = new HashMap<>();
    for (BuildingInfo b : site.buildings()) {
      Telemetry t = o.telemetry().get(b.id());
      double outdoor = t != null && Double.isFinite(t.outdoorC()) ? t.outdoorC()
          : o.forecast().outdoorC(0);
      double damped = dampedOutdoor.update(b.id(), outdoor, o.step());
      double room = t == null ? Double.NaN : referenceRoomC(t);
      double supply = Double.isFinite(room)
          ? supplyC(b, o.localTime(), damped, room, hours)
          : fallback.supplyC(b, o.localTime(), damped);
      commands.put(b.id(), Command.supply(supply));
    }
    return new Decision(commands);
  }

  private double supplyC(BuildingInfo b, LocalDateTime local, double outdoorC, double roomC,
      double stepHours) {
    CurveTrim trim = curve.trim(b.id());
    double shift = trim.shiftK();
    double occupiedTarget = curve.occupiedTargetC();
    long until = b.schedule().minutesUntilOccupied(local, site.holidays(), 7);
    OptimumStart start = starts.computeIfAbsent(b.id(),
        id -> new OptimumStart(settings.initialRateKPerHour()));
    double target;
    double boost = 0;
    if (until == 0) {
      start.occupied(roomC, stepHours);
      long toClosing = minutesToClosing(b, local);
      // No stop where occupancy runs on past midnight (dormitories) or into the next day's hours.
      boolean closes = !b.schedule().isOccupied(local.plusMinutes(toClosing), site.holidays());
      target = closes && toClosing <= settings.stopMinutes() && roomC >= occupiedTarget
          ? curve.setbackTargetC() : occupiedTarget;
    } else if (until > 0 && until <= settings.maxPreheatHours() * 60 && (start.isBoosting()
        || until <= start.minutesNeeded(occupiedTarget - roomC, settings.leadMinutes()))) {
      // Once started, the boost runs until opening: the room warming up is its purpose, not a
      // reason to stop it.
      start.boosting(roomC, stepHours);
      target = occupiedTarget;
      boost = curve.boostSupplyK();
    } else {
      start.idle();
      target = curve.setbackTargetC();
    }
    double influence = Math.max(-settings.maxRoomShiftK(),
        Math.min(settings.maxRoomShiftK(), settings.roomGain() * (target - roomC)));
    double supply = curve.curve().supplyC(target + shift + influence, outdoorC, trim.slope());
    // No boost when the curve asks for no heat (mild days), as the baseline does.
    if (boost > 0 && supply > target + shift) {
      supply += boost;
    }
    return Math.min(supply, b.supplyMaxC());
  }

  /**
   * The reference room: the coldest plausible zone sensor. A building automation system's room
   * sensor belongs in the room that gets cold first; with one sensor per zone that is the coldest.
   */
  private double referenceRoomC(Telemetry t) {
    double min = Double.NaN;
    for (double c : t.zoneTempsC()) {
      if (Double.isFinite(c) && c > settings.plausibleRoomMinC() && c < settings.plausibleRoomMaxC()
          && !(c >= min)) {
        min = c;
      }
    }
    return min;
  }

  private long minutesToClosing(BuildingInfo b, LocalDateTime local) {
    DailyHours h = b.schedule().hoursOn(local.toLocalDate(), site.holidays());
    return h.endMinute() - (local.getHour() * 60L + local.getMinute());
  }

  /**
   * The learned heat-up rate of one building, in K per hour of boost. It is judged an hour after
   * opening, not at opening: the air rises fast during a boost and falls back when the boost ends
   * and the cold structure draws on it, so the room an hour in is what the start achieved.
   */
  static final class OptimumStart {
    static final double MIN_RATE = 0.25;
    static final double MAX_RATE = 6;
    static final double JUDGED_AFTER_HOURS = 1;

    private double rateKPerHour;
    private double roomAtStartC = Double.NaN;
    private double boostHours;
    private boolean boosting;
    private double hoursOpen = Double.NaN; // NaN: no boost to judge

    OptimumStart(double initialRate) {
      this.rateKPerHour = initialRate;
    }

    /** Minutes the boost needs to lift the room by {@code gapK}, plus a fixed lead. */
    long minutesNeeded(double gapK, double leadMinutes) {
      return gapK <= 0 ? 0 : Math.round(gapK / rateKPerHour * 60 + leadMinutes);
    }

    boolean isBoosting() {
      return boosting;
    }

    void boosting(double roomC, double stepHours) {
      if (!boosting) {
        boosting = true;
        roomAtStartC = roomC;
        boostHours = 0;
        hoursOpen = Double.NaN;
      }
      boostHours += stepHours;
    }

    /**
     * While occupied: an hour after a boosted opening, learns the rise per hour of boost. Half
     * the weight to the new morning, so one odd day (a door left open) moves the start by little.
     */
    void occupied(double roomC, double stepHours) {
      if (boosting) {
        boosting = false;
        hoursOpen = boostHours >= 0.5 ? 0 : Double.NaN;
      }
      if (Double.isNaN(hoursOpen)) {
        return;
      }
      hoursOpen += stepHours;
      if (hoursOpen >= JUDGED_AFTER_HOURS) {
        double observed = (roomC - roomAtStartC) / boostHours;
        observed = Math.max(MIN_RATE, Math.min(MAX_RATE, observed));
        rateKPerHour = 0.5 * rateKPerHour + 0.5 * observed;
        hoursOpen = Double.NaN;
      }
    }

    void idle() {
      boosting = false;
      hoursOpen = Double.NaN;
    }
  }
}
