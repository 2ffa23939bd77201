package org.heatgrid.control.service.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's bodies (JSON in snake_case). */
public final class Dto {

  private Dto() {}

  @Schema(description = "A building's state: last telemetry, gateway status, mode, override, current setpoint and plan")
  public record BuildingState(String id, String name, String type, String mode,
      OverrideView override, SetpointView currentSetpoint, GatewayStatus gatewayStatus,
      TelemetryView lastTelemetry, List<PlanStepView> plan, Comfort comfort, Schedule schedule) {}

  public record OverrideView(double supplySetpointC, String expiresAt, String reason, String by,
      String setAt, boolean active) {}

  public record SetpointView(long seq, String issuedAt, String validUntil, double supplySetpointC,
      Double heatLimitKw, String mode, String reason) {}

  public record GatewayStatus(String state, String since, String reason, Long lastSetpointSeq) {}

  public record TelemetryView(long seq, String periodStart, String periodEnd, Double heatKw,
      Double secondarySupplyC, Double secondaryReturnC, List<Double> zoneTempsC, Double outdoorC,
      boolean localFallback) {}

  public record PlanStepView(String at, double supplySetpointC, Double heatKw) {}

  @Schema(description = "Override of a building's supply setpoint: give expires_at or minutes")
  public record OverrideRequest(
      @Schema(required = true, description = "Supply setpoint, C, 10 to the building's maximum") Double supplySetpointC,
      @Schema(description = "ISO-8601 instant with zone; or give minutes") String expiresAt,
      @Schema(description = "Minutes from now, 1 to 10080; or give expires_at") Integer minutes,
      @Schema(required = true, description = "Why, for the audit log") String reason) {}

  public record ModeRequest(
      @Schema(required = true, enumeration = {"auto", "manual", "heating_curve"}) String mode,
      @Schema(required = true) String reason) {}

  @Schema(description = "Comfort band, C; the unoccupied band must contain the occupied one")
  public record Comfort(Double occupiedLowC, Double occupiedHighC, Double unoccupiedLowC,
      Double unoccupiedHighC, String reason) {}

  @Schema(description = "Occupied hours: HH:MM-HH:MM (end may be 24:00) or closed")
  public record Schedule(String weekday, String saturday, String sundayHoliday, String reason) {}

  public record AuditView(String at, String who, String building, String what, String before,
      String after, String why) {}

  @Schema(description = "Cluster summary")
  public record Status(String site, String time, String period, double timeSpeed, int buildings,
      int online, int fallback, int offline, int silent, List<String> fallbackBuildings,
      List<String> overridden, long loopPeriods, long controllerFailures, long curveCommands,
      long setpointsPublished, long telemetryAccepted, Map<String, Long> telemetryRejected,
      boolean mqttConnected, int influxBuffered, long influxDropped, Savings savings,
      ControllerView controller) {}

  @Schema(description = "Which controller runs and why: the MPC from a model bundle, or the heating curve")
  public record ControllerView(String running, String bundle, String reason, String since,
      String nextLearning, String lastLearning) {}

  @Schema(description = "A stored model bundle: its data, fit and forecaster, or why it cannot be used")
  public record BundleView(String version, boolean active, String problem, String created,
      String dataFrom, String dataTo, Integer usableDays, String dataSha256,
      Double meanHeldOutRmseK, String forecaster, Double forecasterCvrmse, List<String> warnings) {}

  @Schema(description = "The controller and every stored bundle, oldest first")
  public record Models(ControllerView controller, List<BundleView> bundles) {}

  public record ActivateRequest(String reason) {}

  @Schema(description = "Measured savings (M&V) since the MPC first ran: totals, a 90 % band, and per day with running totals")
  public record SavingsReport(boolean computed, String method, String baselineFrom,
      String baselineTo, String reportingFrom, Double predictedMwh, Double meteredMwh,
      Double savedMwh, Double savedMwhUncertainty90, Double savedPercent, Double savedUsageKrw,
      List<SavingsDay> days) {}

  public record SavingsDay(String date, double predictedMwh, double meteredMwh, double savedMwh,
      double savedUsageKrw, double cumulativeSavedMwh, double cumulativeSavedUsageKrw) {}

  @Schema(description = "A learning's outcome: the gate's figures and decision")
  public record Learning(boolean accepted, double candidateRmseK, Double runningRmseK,
      String reason, ControllerView controller) {}

  public record Savings(Double krw, Double mwh, String method) {}
}
