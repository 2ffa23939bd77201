package org.heatgrid.control.service.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.loop.ControlLoop;
import org.heatgrid.control.loop.OperatorOverride;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.Setpoint;
import org.heatgrid.control.service.adapter.MqttLink;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.wire.StatusMessage;
import org.heatgrid.wire.TelemetryMessage;

/** Turns the loop's state into the API's bodies. */
final class Views {

  private Views() {}

  static Dto.BuildingState building(BuildingInfo b, OperatorState op, ControlLoop loop,
      MqttLink mqtt, Instant now) {
    Optional<Setpoint> sp = loop.lastSetpoint(b.id());
    return new Dto.BuildingState(b.id(), b.name(), b.type(), op.mode(b.id()).json(),
        op.override(b.id()).map(o -> override(o, now)).orElse(null),
        sp.map(Views::setpoint).orElse(null),
        mqtt.status(b.id()).map(Views::status).orElse(null),
        loop.inbox().latest(b.id()).map(Views::telemetry).orElse(null),
        sp.map(s -> s.plan().stream().map(Views::step).toList()).orElse(List.of()),
        comfort(b.comfort()), schedule(b.schedule()));
  }

  static Dto.OverrideView override(OperatorOverride o, Instant now) {
    return new Dto.OverrideView(o.supplySetpointC(), o.expiresAt().toString(), o.reason(), o.by(),
        o.at().toString(), o.activeAt(now));
  }

  static Dto.SetpointView setpoint(Setpoint s) {
    double limit = s.command().heatLimitKw();
    return new Dto.SetpointView(s.seq(), s.issuedAt().toString(), s.validUntil().toString(),
        s.command().supplySetpointC(), Double.isFinite(limit) ? limit : null, s.mode().json(),
        s.reason());
  }

  static Dto.GatewayStatus status(StatusMessage m) {
    return new Dto.GatewayStatus(m.state().json(), m.since().toString(), m.reason(),
        m.lastSetpointSeq());
  }

  static Dto.TelemetryView telemetry(TelemetryMessage r) {
    Telemetry t = r.telemetry();
    List<Double> zones = new ArrayList<>();
    for (double z : t.zoneTempsC()) {
      zones.add(num(z));
    }
    return new Dto.TelemetryView(r.seq(), r.periodStart().toString(), r.periodEnd().toString(),
        num(t.heatKw()), num(t.secondarySupplyC()), num(t.secondaryReturnC()), zones,
        num(t.outdoorC()), t.localFallback());
  }

  static Dto.PlanStepView step(PlanStep p) {
    return new Dto.PlanStepView(p.at().toString(), p.supplySetpointC(), num(p.heatKw()));
  }

  static Dto.Comfort comfort(ComfortBand c) {
    return new Dto.Comfort(c.occupiedLowC(), c.occupiedHighC(), c.unoccupiedLowC(),
        c.unoccupiedHighC(), null);
  }

  static Dto.Schedule schedule(OccupancySchedule s) {
    return new Dto.Schedule(s.weekday().toString(), s.saturday().toString(),
        s.sundayHoliday().toString(), null);
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
