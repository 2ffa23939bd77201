package org.heatgrid.control.loop;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;
import org.heatgrid.tariff.Tariff;
import org.heatgrid.tariff.UsageRate;
import org.heatgrid.wire.TelemetryMessage;

/** A small site, telemetry readings and a recording outbox: what the loop's tests share. */
final class LoopFixtures {

  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration STEP = Duration.ofMinutes(15);

  private LoopFixtures() {}

  static Site site(String... ids) {
    List<BuildingInfo> b = new ArrayList<>();
    for (String id : ids) {
      b.add(new BuildingInfo(id, id, "office", 1000, 2, OccupancySchedule.ALWAYS,
          ComfortBand.DEFAULT, 200, 80));
    }
    return new Site("test", ZoneId.of("Asia/Seoul"), STEP,
        new Tariff("flat", 0, new UsageRate.Flat(100)), HolidayCalendar.none(), b);
  }

  static TelemetryMessage reading(String id, long seq, Instant end, double outdoorC) {
    return new TelemetryMessage(seq, end.minus(STEP), end, new Telemetry(id, 100, 110, 60, 2, 50, 40,
        8, new double[] {21, 21.5}, outdoorC, false));
  }


  /** An outbox that keeps what it is given, and fails on demand. */
  static final class ListOutbox implements SetpointOutbox {
    final List<Setpoint> sent = new ArrayList<>();
    boolean failing;

    @Override
    public void publish(Setpoint s) {
      if (failing) {
        throw new IllegalStateException("broker away");
      }
      sent.add(s);
    }

    List<Setpoint> of(String building) {
      return sent.stream().filter(s -> s.buildingId().equals(building)).toList();
    }

    Setpoint last(String building) {
      List<Setpoint> l = of(building);
      return l.get(l.size() - 1);
    }
  }
}
