package org.heatgrid.forecast.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code GET /forecasts}. Property names are snake_case on the wire (Jackson's naming
 * strategy, see application.properties), as in the model store's model.json.
 */
@Schema(name = "Forecasts", description = "Heat-demand forecasts of one issue time")
public record ForecastResponse(
    @Schema(description = "Model version that made the forecast", examples = "v0003") String modelVersion,
    @Schema(description = "Issue time (the from parameter, UTC): start of the first step",
        examples = "2024-04-14T15:00:00Z") String issuedAt,
    @Schema(description = "Grid step, minutes", examples = "60") int stepMinutes,
    @Schema(description = "Steps per building", examples = "24") int horizonSteps,
    @Schema(description = "Per building id, one point per step in time order") Map<String, List<Point>> forecasts) {

  /** One step: its start time (UTC) and the mean heat rate forecast over it. */
  @Schema(name = "ForecastPoint")
  public record Point(
      @Schema(description = "Start of the step, UTC", examples = "2024-04-14T15:00:00Z") String time,
      @Schema(description = "Mean heat rate over the step, kW (0.01 kW resolution)", examples = "412.57")
      double heatKw) {}

  static ForecastResponse of(ServedModel m, ForecastRequest r, double[][] kw) {
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (int row = 0; row < kw.length; row++) {
      int b = r.building() < 0 ? row : r.building();
      List<Point> points = new ArrayList<>(r.steps());
      for (int k = 0; k < r.steps(); k++) {
        // Meter resolution is far coarser than 10 W; more digits would only be noise on the wire.
        points.add(new Point(m.time(r.issue() + k).toString(), Math.round(kw[row][k] * 100) / 100.0));
      }
      out.put(m.buildings().get(b), points);
    }
    return new ForecastResponse(m.version(), r.from().toString(), m.spec().stepMinutes(), r.steps(), out);
  }
}
