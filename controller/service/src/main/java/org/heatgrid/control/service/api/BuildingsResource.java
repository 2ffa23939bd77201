package org.heatgrid.control.service.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.loop.OperatorOverride;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.ControlService;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;

/**
 * Buildings: state, overrides, modes, comfort bands and schedules. Reading needs role viewer,
 * operator or admin; overrides and modes operator or admin; comfort bands and schedules admin.
 * Every change is audited with the authenticated user and the reason given.
 */
@Path("/api/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "buildings")
@SecurityRequirement(name = "basic")
public class BuildingsResource {

  static final long MAX_OVERRIDE_MINUTES = 7 * 24 * 60;

  private final ControlService service;
  private final SecurityIdentity identity;

  public BuildingsResource(ControlService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({"viewer", "operator", "admin"})
  @Operation(summary = "Every building with its current state")
  public List<Dto.BuildingState> list() {
    Instant now = now();
    return op().site().buildings().stream().map(b -> view(b, now)).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"viewer", "operator", "admin"})
  @Operation(summary = "One building: last telemetry, gateway status, mode, override, current setpoint, plan")
  public Dto.BuildingState get(@PathParam("id") String id) {
    return view(building(id), now());
  }

  @PUT
  @Path("/{id}/override")
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Override the building's supply setpoint until expires_at (or for minutes)")
  public Dto.BuildingState putOverride(@PathParam("id") String id, Dto.OverrideRequest r) {
    BuildingInfo b = building(id);
    body(r);
    Instant now = now();
    if (r.supplySetpointC() == null) {
      throw new BadRequestException("supply_setpoint_c", "supply_setpoint_c is required");
    }
    double sp = r.supplySetpointC();
    if (!(sp >= 10 && sp <= b.supplyMaxC())) {
      throw new BadRequestException("supply_setpoint_c", "supply_setpoint_c must be between 10 and "
          + b.supplyMaxC() + " C (the building's maximum): " + sp);
    }
    Instant expires = expiry(r, now);
    String reason = reason(r.reason());
    op().setOverride(new OperatorOverride(id, sp, expires, reason, who(), now));
    return view(b, now);
  }

  @DELETE
  @Path("/{id}/override")
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Remove the building's override; ?reason= is required")
  public Response deleteOverride(@PathParam("id") String id, @QueryParam("reason") String reason) {
    building(id);
    String why = reason(reason);
    if (!op().clearOverride(id, who(), why, now())) {
      throw new BadRequestException("override", "building " + id + " has no active override", 404);
    }
    return Response.noContent().build();
  }

  @PUT
  @Path("/{id}/mode")
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Set the building's mode: auto, manual or heating_curve")
  public Dto.BuildingState putMode(@PathParam("id") String id, Dto.ModeRequest r) {
    BuildingInfo b = building(id);
    body(r);
    if (r.mode() == null) {
      throw new BadRequestException("mode", "mode is required: auto, manual or heating_curve");
    }
    Mode mode;
    try {
      mode = Mode.fromJson(r.mode());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("mode", e.getMessage());
    }
    op().setMode(id, mode, who(), reason(r.reason()), now());
    return view(b, now());
  }

  @GET
  @Path("/{id}/comfort")
  @RolesAllowed({"viewer", "operator", "admin"})
  public Dto.Comfort getComfort(@PathParam("id") String id) {
    return Views.comfort(building(id).comfort());
  }

  @PUT
  @Path("/{id}/comfort")
  @RolesAllowed("admin")
  @Operation(summary = "Change the building's comfort band (admin)")
  public Dto.Comfort putComfort(@PathParam("id") String id, Dto.Comfort c) {
    building(id);
    body(c);
    double ol = required("occupied_low_c", c.occupiedLowC());
    double oh = required("occupied_high_c", c.occupiedHighC());
    double ul = required("unoccupied_low_c", c.unoccupiedLowC());
    double uh = required("unoccupied_high_c", c.unoccupiedHighC());
    if (!(ol < oh)) {
      throw new BadRequestException("occupied_high_c", "occupied_high_c must be above occupied_low_c: "
          + oh + " <= " + ol);
    }
    if (!(ul < uh)) {
      throw new BadRequestException("unoccupied_high_c",
          "unoccupied_high_c must be above unoccupied_low_c: " + uh + " <= " + ul);
    }
    if (ul > ol) {
      throw new BadRequestException("unoccupied_low_c",
          "unoccupied_low_c must not be above occupied_low_c: " + ul + " > " + ol);
    }
    if (uh < oh) {
      throw new BadRequestException("unoccupied_high_c",
          "unoccupied_high_c must not be below occupied_high_c: " + uh + " < " + oh);
    }
    op().setComfort(id, new ComfortBand(ol, oh, ul, uh), who(), reason(c.reason()), now());
    return Views.comfort(building(id).comfort());
  }

  @GET
  @Path("/{id}/schedule")
  @RolesAllowed({"viewer", "operator", "admin"})
  public Dto.Schedule getSchedule(@PathParam("id") String id) {
    return Views.schedule(building(id).schedule());
  }

  @PUT
  @Path("/{id}/schedule")
  @RolesAllowed("admin")
  @Operation(summary = "Change the building's occupancy schedule (admin)")
  public Dto.Schedule putSchedule(@PathParam("id") String id, Dto.Schedule s) {
    building(id);
    body(s);
    OccupancySchedule schedule = new OccupancySchedule(hours("weekday", s.weekday()),
        hours("saturday", s.saturday()), hours("sunday_holiday", s.sundayHoliday()));
    op().setSchedule(id, schedule, who(), reason(s.reason()), now());
    return Views.schedule(building(id).schedule());
  }

  // ---- helpers

  private Dto.BuildingState view(BuildingInfo b, Instant now) {
    return Views.building(b, op(), service.runtime().loop(), service.runtime().mqtt(), now);
  }

  private OperatorState op() {
    return service.operator();
  }

  private Instant now() {
    return service.clock().instant();
  }

  private String who() {
    return identity.getPrincipal().getName();
  }

  private BuildingInfo building(String id) {
    return op().site().building(id).orElseThrow(() -> new BadRequestException("id",
        "no building '" + id + "' on site " + op().site().name(), 404));
  }

  private static void body(Object o) {
    if (o == null) {
      throw new BadRequestException("body", "a JSON body is required");
    }
  }

  private static String reason(String r) {
    if (r == null || r.isBlank()) {
      throw new BadRequestException("reason", "reason is required (it goes to the audit log)");
    }
    if (r.length() > 500) {
      throw new BadRequestException("reason", "reason must be at most 500 characters: " + r.length());
    }
    return r.strip();
  }

  private static double required(String field, Double v) {
    if (v == null || !Double.isFinite(v)) {
      throw new BadRequestException(field, field + " is required and must be a number");
    }
    if (v < 0 || v > 40) {
      throw new BadRequestException(field, field + " must be between 0 and 40 C: " + v);
    }
    return v;
  }

  private static DailyHours hours(String field, String text) {
    if (text == null) {
      throw new BadRequestException(field, field + " is required: HH:MM-HH:MM or closed");
    }
    try {
      return DailyHours.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, field + ": " + e.getMessage());
    }
  }

  private static Instant expiry(Dto.OverrideRequest r, Instant now) {
    if (r.expiresAt() != null && r.minutes() != null) {
      throw new BadRequestException("expires_at", "give expires_at or minutes, not both");
    }
    if (r.minutes() != null) {
      if (r.minutes() < 1 || r.minutes() > MAX_OVERRIDE_MINUTES) {
        throw new BadRequestException("minutes", "minutes must be between 1 and "
            + MAX_OVERRIDE_MINUTES + ": " + r.minutes());
      }
      return now.plus(Duration.ofMinutes(r.minutes()));
    }
    if (r.expiresAt() == null) {
      throw new BadRequestException("expires_at", "expires_at or minutes is required");
    }
    Instant t;
    try {
      t = Instant.parse(r.expiresAt());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("expires_at", "expires_at must be an ISO-8601 instant with zone, "
          + "e.g. 2026-01-05T18:00:00Z: '" + r.expiresAt() + "'");
    }
    if (!t.isAfter(now)) {
      throw new BadRequestException("expires_at", "expires_at must be in the future (now " + now
          + "): " + t);
    }
    if (t.isAfter(now.plus(Duration.ofMinutes(MAX_OVERRIDE_MINUTES)))) {
      throw new BadRequestException("expires_at", "expires_at must be within 7 days: " + t);
    }
    return t;
  }
}
