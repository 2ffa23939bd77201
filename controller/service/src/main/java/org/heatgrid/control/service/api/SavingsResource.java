package org.heatgrid.control.service.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.heatgrid.control.service.ControlService;
import org.heatgrid.control.service.models.SiteSavings;
import org.heatgrid.learn.mv.AvoidedEnergy;

/** Measured savings (M&V) to date, daily and cumulative, with how they were computed. */
@Path("/api/savings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cluster")
@SecurityRequirement(name = "basic")
public class SavingsResource {

  static final String METHOD = "IPMVP option C style, weather-normalised avoided energy: a "
      + "time-of-week-and-temperature model per building, fitted on the hourly meters of the "
      + "period the site ran on its heating curve, predicts from the outdoor temperatures since "
      + "the MPC took over what the former operation would have used; savings = predicted minus "
      + "metered heat, the usage charge at each hour's tariff price (the basic charge follows the "
      + "season's peak and is left out); band: ASHRAE Guideline 14, 90 %, autocorrelated hourly "
      + "residuals";

  private final ControlService service;

  public SavingsResource(ControlService service) {
    this.service = service;
  }

  @GET
  @RolesAllowed({"viewer", "operator", "admin"})
  @Operation(summary = "Measured savings since the MPC first ran: totals with a 90 % band, per day with running totals, and the method")
  public Dto.SavingsReport savings() {
    SiteSavings.Result r = service.models().savings().toDate();
    String bFrom = str(r.baselineFrom());
    String bTo = str(r.baselineTo());
    String rFrom = str(r.reportingFrom());
    if (r.estimate().isEmpty()) {
      return new Dto.SavingsReport(false, METHOD + ". Not computed: " + r.why(), bFrom, bTo, rFrom,
          null, null, null, null, null, null, List.of());
    }
    AvoidedEnergy a = r.estimate().get();
    List<Dto.SavingsDay> days = new ArrayList<>();
    double[] run = new double[2];
    a.byDay(service.operator().site().zone()).forEach((date, v) -> {
      run[0] += v[0] - v[1];
      run[1] += v[2];
      days.add(new Dto.SavingsDay(date.toString(), v[0], v[1], v[0] - v[1], v[2], run[0], run[1]));
    });
    return new Dto.SavingsReport(true, METHOD, bFrom, bTo, rFrom, a.predictedMwh(), a.meteredMwh(),
        a.savedMwh(), a.uncertaintyMwh(), a.savedPercent(), a.savedUsageKrw(), days);
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }
}
