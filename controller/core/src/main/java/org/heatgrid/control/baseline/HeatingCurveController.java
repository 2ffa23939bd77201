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
import org.heatgrid.site.Site;

/**
 * The fair conventional baseline: per building, a weather-compensated supply temperature from the
 * heating curve, aimed at the occupied target while occupied, at the setback target otherwise,
 * and raised by a fixed boost for a fixed time before occupancy starts. The outdoor temperature
 * is the substation sensor's, damped by a first-order filter as commercial heating controllers do.
 *
 * <p>It uses no forecast and no room temperature: open loop, as such installations run.
 */
public final class HeatingCurveController implements Controller {

  private final BaselineSettings settings;
  private final DampedOutdoor dampedOutdoor;
  private Site site;

  public HeatingCurveController(BaselineSettings settings) {
    this.settings = settings;
    this.dampedOutdoor = new DampedOutdoor(settings.outdoorDampingHours());
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public void start(Site site) {
    this.site = site;
    dampedOutdoor.clear();
  }

  @Override
  public Decision decide(Observation o) {
    if (site == null) {
      throw new IllegalStateException("start(site) must be called before decide()");
    }
    Map<String, Command> commands = new HashMap<>();
    for (BuildingInfo b : site.buildings()) {
      Telemetry t = o.telemetry().get(b.id());
      double outdoor = t != null && Double.isFinite(t.outdoorC()) ? t.outdoorC() : o.forecast().outdoorC(0);
      double damped = dampedOutdoor.update(b.id(), outdoor, o.step());
      commands.put(b.id(), Command.supply(supplyC(b, o.localTime(), damped)));
    }
    return new Decision(commands);
  }

  /** The baseline's supply setpoint for one building at a local time and damped outdoor temp. */
  double supplyC(BuildingInfo b, LocalDateTime local, double outdoorC) {
    CurveTrim trim = settings.trim(b.id());
    double shift = trim.shiftK();
    double occupiedSupply =
        settings.curve().supplyC(settings.occupiedTargetC() + shift, outdoorC, trim.slope());
    long until = b.schedule().minutesUntilOccupied(local, site.holidays(), 7);
    double supply;
    if (until == 0) {
      supply = occupiedSupply;
    } else if (until > 0 && until <= settings.boostHours() * 60) {
      // Boost only when the building needs heat at all (curve above the room target).
      supply = occupiedSupply > settings.occupiedTargetC() + shift
          ? occupiedSupply + settings.boostSupplyK() : occupiedSupply;
    } else {
      supply = settings.curve().supplyC(settings.setbackTargetC() + shift, outdoorC, trim.slope());
    }
    return Math.min(supply, b.supplyMaxC());
  }
}
