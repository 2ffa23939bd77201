package org.heatgrid.control.service.adapter;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.control.loop.PeriodReport;
import org.heatgrid.control.loop.Recorder;
import org.heatgrid.control.loop.Setpoint;
import org.heatgrid.weather.WeatherForecast;
import org.heatgrid.wire.TelemetryMessage;
import org.influxdb.dto.Point;

/**
 * The loop's records as InfluxDB points (measurements {@code telemetry}, {@code setpoint},
 * {@code plan}, {@code forecast}, {@code loop}; tags {@code site} and {@code building}), in the
 * loop clock's time with millisecond precision. An unreadable sensor is left out of the point.
 * A plan step or forecast value is written at the time it is for, so a newer plan overwrites the
 * older one's steps: the database holds the latest plan for every step.
 */
public final class InfluxRecorder implements Recorder {

  private final String site;
  private final PointSink sink;

  public InfluxRecorder(String site, PointSink sink) {
    this.site = site;
    this.sink = sink;
  }

  @Override
  public void telemetry(TelemetryMessage r) {
    Telemetry t = r.telemetry();
    Point.Builder p = point("telemetry", r.periodEnd()).tag("building", t.buildingId())
        .addField("seq", r.seq()).addField("local_fallback", t.localFallback());
    field(p, "heat_kw", t.heatKw());
    field(p, "primary_supply_c", t.primarySupplyC());
    field(p, "primary_return_c", t.primaryReturnC());
    field(p, "primary_flow_m3h", t.primaryFlowM3h());
    field(p, "secondary_supply_c", t.secondarySupplyC());
    field(p, "secondary_return_c", t.secondaryReturnC());
    field(p, "secondary_flow_m3h", t.secondaryFlowM3h());
    field(p, "outdoor_c", t.outdoorC());
    field(p, "indoor_mean_c", t.meanIndoorC());
    // Every zone, so that learning can see how far the coldest one sits below the mean.
    for (int z = 0; z < t.zones(); z++) {
      field(p, "zone_" + (z + 1) + "_c", t.zoneTempC(z));
    }
    sink.write(p.build());
  }

  @Override
  public void setpoint(Setpoint s) {
    Point.Builder p = point("setpoint", s.issuedAt()).tag("building", s.buildingId())
        .tag("mode", s.mode().json()).addField("seq", s.seq())
        .addField("supply_setpoint_c", s.command().supplySetpointC())
        .addField("valid_until_ms", s.validUntil().toEpochMilli()).addField("reason", s.reason());
    field(p, "heat_limit_kw", s.command().heatLimitKw());
    sink.write(p.build());
  }

  @Override
  public void plan(String buildingId, Instant issuedAt, List<PlanStep> plan) {
    for (PlanStep step : plan) {
      Point.Builder p = point("plan", step.at()).tag("building", buildingId)
          .addField("issued_at_ms", issuedAt.toEpochMilli())
          .addField("supply_setpoint_c", step.supplySetpointC());
      field(p, "heat_kw", step.heatKw());
      sink.write(p.build());
    }
  }

  @Override
  public void forecast(WeatherForecast f) {
    Instant at = f.issuedAt();
    for (int k = 0; k < f.size(); k++, at = at.plus(f.step())) {
      Point.Builder p = point("forecast", at)
          .addField("issued_at_ms", f.issuedAt().toEpochMilli()).addField("lead", k);
      field(p, "outdoor_c", f.outdoorC(k));
      field(p, "ghi_wm2", f.ghiWm2(k));
      sink.write(p.build());
    }
  }

  @Override
  public void period(PeriodReport r) {
    Point.Builder p = point("loop", r.at()).tag("controller", r.controller())
        .addField("decide_s", r.decideSeconds()).addField("controller_failed", r.controllerFailed())
        .addField("telemetry_buildings", r.telemetryBuildings())
        .addField("curve_buildings", r.curveBuildings()).addField("published", r.published())
        .addField("publish_failures", r.publishFailures());
    if (r.failure() != null) {
      p.addField("failure", r.failure());
    }
    sink.write(p.build());
  }

  private Point.Builder point(String measurement, Instant at) {
    return Point.measurement(measurement).time(at.toEpochMilli(), TimeUnit.MILLISECONDS)
        .tag("site", site);
  }

  private static void field(Point.Builder p, String name, double v) {
    if (Double.isFinite(v)) {
      p.addField(name, v);
    }
  }
}
