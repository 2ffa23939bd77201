package org.heatgrid.control.service.api;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.heatgrid.control.loop.AuditEntry;
import org.heatgrid.control.loop.ControlLoop;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.loop.TelemetryRejection;
import org.heatgrid.control.service.ControlService;
import org.heatgrid.control.service.SavingsEstimate;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.wire.StatusMessage;

/** The cluster summary and the audit log (roles viewer, operator, admin). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cluster")
@SecurityRequirement(name = "basic")
public class StatusResource {

  /**
   * How long one computed summary is served. Dashboards poll it many times a second; nothing in
   * it changes faster than the loop's tick, and at 200 requests/s computing it anew for every
   * request made garbage whose collection showed in the tail (StatusLoadBench).
   */
  static final long FRESH_NANOS = 250_000_000L;

  private final ControlService service;
  private final SavingsEstimate savings;
  private volatile Cached cached;

  private record Cached(Dto.Status status, long atNanos) {}

  public StatusResource(ControlService service, SavingsEstimate savings) {
    this.service = service;
    this.savings = savings;
  }

  @GET
  @Path("/status")
  @RolesAllowed({"viewer", "operator", "admin"})
  // No I/O and only short in-memory locks: answered on the event loop, without a hop to a worker
  // thread (p99 at 200 requests/s, see StatusLoadBench).
  @NonBlocking
  @Operation(summary = "Cluster summary: gateways online/fallback/offline, loop and telemetry counters, savings to date (at most 0.25 s old)")
  public Dto.Status status() {
    Cached c = cached;
    long now = System.nanoTime();
    if (c == null || now - c.atNanos() > FRESH_NANOS) {
      c = new Cached(summary(), now);
      cached = c;
    }
    return c.status();
  }

  private Dto.Status summary() {
    ControlRuntime rt = service.runtime();
    ControlLoop loop = rt.loop();
    OperatorState op = service.operator();
    var now = service.clock().instant();
    int online = 0;
    int fallback = 0;
    int offline = 0;
    int silent = 0;
    List<String> fallbacks = new ArrayList<>();
    List<String> overridden = new ArrayList<>();
    Map<String, StatusMessage> statuses = rt.mqtt().statuses();
    for (BuildingInfo b : op.site().buildings()) {
      StatusMessage s = statuses.get(b.id());
      if (s == null) {
        silent++;
      } else {
        switch (s.state()) {
          case ONLINE -> online++;
          case FALLBACK -> {
            fallback++;
            fallbacks.add(b.id());
          }
          case OFFLINE -> offline++;
        }
      }
      if (op.activeOverride(b.id(), now).isPresent()) {
        overridden.add(b.id());
      }
    }
    Map<String, Long> rejected = new TreeMap<>();
    loop.inbox().rejectedCounts().forEach((r, n) -> rejected.put(r.label(), n));
    SavingsEstimate.Savings sv = savings.toDate();
    return new Dto.Status(op.site().name(), now.toString(), loop.step().toString(),
        rt.settings().timeScale(), op.site().buildings().size(), online, fallback, offline, silent,
        fallbacks, overridden, loop.counters().periods(), loop.counters().controllerFailures(),
        loop.counters().curveCommands(), loop.counters().published(), loop.inbox().accepted(),
        rejected, rt.mqtt().isConnected(), rt.sink().buffered(), rt.sink().dropped(),
        new Dto.Savings(sv.krw().orElse(null), sv.mwh().orElse(null), sv.method()),
        ModelsResource.view(service.models().state()));
  }

  @GET
  @Path("/audit")
  @RolesAllowed({"viewer", "operator", "admin"})
  @Operation(summary = "Every change by operators, newest first: who, when, what, why")
  public List<Dto.AuditView> audit(@QueryParam("building") String building,
      @QueryParam("limit") Integer limit) {
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > OperatorState.AUDIT_KEPT) {
      throw new BadRequestException("limit", "limit must be between 1 and "
          + OperatorState.AUDIT_KEPT + ": " + n);
    }
    List<AuditEntry> all = service.operator().audit();
    List<Dto.AuditView> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < n; i--) {
      AuditEntry e = all.get(i);
      if (building == null || building.equals(e.buildingId())) {
        out.add(new Dto.AuditView(e.at().toString(), e.who(), e.buildingId(), e.what(), e.before(),
            e.after(), e.why()));
      }
    }
    return out;
  }

  /** Keeps the enum's labels in one place for documentation. */
  static List<String> rejectionLabels() {
    return java.util.Arrays.stream(TelemetryRejection.values()).map(TelemetryRejection::label).toList();
  }
}
