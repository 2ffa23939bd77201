package org.heatgrid.control.service.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.heatgrid.control.service.ControlService;
import org.heatgrid.control.service.models.ActiveModels;
import org.heatgrid.learn.BundleGate;
import org.heatgrid.learn.bundle.BundleException;
import org.heatgrid.learn.bundle.BundleStore;
import org.heatgrid.learn.bundle.Manifest;
import org.heatgrid.problem.Problem;

/**
 * The site's model bundles: which controller runs and why, every stored bundle with its fit
 * (viewer and up); activating a bundle, which is also how to roll back, and learning now (admin).
 */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
@SecurityRequirement(name = "basic")
public class ModelsResource {

  private final ControlService service;
  private final SecurityIdentity identity;

  public ModelsResource(ControlService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({"viewer", "operator", "admin"})
  @Operation(summary = "The running controller and why, and every stored bundle with its data, fit and forecaster backtest")
  public Dto.Models list() {
    ActiveModels m = service.models();
    return new Dto.Models(view(m.state()), m.bundles().stream().map(ModelsResource::view).toList());
  }

  @POST
  @Path("/{version}/activate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  @Operation(summary = "Run the MPC from this stored bundle (also a rollback to an older one); reason required")
  public Response activate(@PathParam("version") String version, Dto.ActivateRequest r) {
    if (r == null || r.reason() == null || r.reason().isBlank()) {
      throw new BadRequestException("reason", "reason is required (it goes to the audit log)");
    }
    ActiveModels m = service.models();
    if (m.bundles().stream().noneMatch(e -> e.version().equals(version))) {
      throw new BadRequestException("version", "no bundle " + version + " in "
          + m.store().root(), 404);
    }
    try {
      return Response.ok(view(m.activate(version, identity.getPrincipal().getName(),
          r.reason().trim()))).build();
    } catch (BundleException e) {
      return refused(e.getMessage(), "/api/models/" + version + "/activate");
    }
  }

  @DELETE
  @Path("/active")
  @RolesAllowed("admin")
  @Operation(summary = "Run the heating curve instead of the MPC (also after a restart) until a bundle is activated; ?reason= required")
  public Response deactivate(@QueryParam("reason") String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BadRequestException("reason", "reason is required (it goes to the audit log)");
    }
    try {
      return Response.ok(view(service.models().useCurve(identity.getPrincipal().getName(),
          reason.trim()))).build();
    } catch (BundleException e) {
      return refused(e.getMessage(), "/api/models/active");
    }
  }

  @POST
  @Path("/learn")
  @RolesAllowed("admin")
  @Operation(summary = "Learn a bundle from the service's record now; it runs only if the gate finds its held-out fit no worse")
  public Response learn() {
    ActiveModels m = service.models();
    var d = m.learnNow(identity.getPrincipal().getName());
    if (d.isEmpty()) {
      return refused(m.state().lastLearn(), "/api/models/learn");
    }
    BundleGate.Decision g = d.get();
    return Response.ok(new Dto.Learning(g.accepted(), g.candidateRmseK(),
        Double.isFinite(g.runningRmseK()) ? g.runningRmseK() : null, g.reason(),
        view(m.state()))).build();
  }

  private static Response refused(String detail, String instance) {
    return ProblemMappers.response(new Problem(Problem.BUNDLE_REFUSED, "Bundle refused", 409,
        detail, instance, null));
  }

  static Dto.ControllerView view(ActiveModels.State s) {
    return new Dto.ControllerView(s.controller(), s.bundle(), s.reason(), s.since().toString(),
        s.nextLearn() == null ? null : s.nextLearn().toString(), s.lastLearn());
  }

  static Dto.BundleView view(BundleStore.Entry e) {
    Manifest m = e.manifest();
    if (m == null) {
      return new Dto.BundleView(e.version(), e.active(), e.problem(), null, null, null, null, null,
          null, null, null, List.of());
    }
    Double cv = null;
    if (m.forecaster() != null && m.forecaster().backtest().get("mean") instanceof Map<?, ?> mean
        && mean.get("cvrmse") instanceof Number n) {
      cv = n.doubleValue();
    }
    double rmse = m.meanHeldOutRmseK();
    return new Dto.BundleView(e.version(), e.active(), e.problem(), m.created(), m.data().from(),
        m.data().to(), m.data().usableDays(), m.data().sha256(), Double.isFinite(rmse) ? rmse : null,
        m.forecaster() == null ? "profile" : m.forecaster().kind(), cv, m.warnings());
  }
}
