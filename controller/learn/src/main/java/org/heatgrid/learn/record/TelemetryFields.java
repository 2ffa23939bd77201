package org.heatgrid.learn.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heatgrid.control.api.Telemetry;

/**
 * A telemetry reading from the named fields the control service records ({@code heat_kw},
 * {@code secondary_supply_c}, ..., {@code zone_1_c}, ...; see its InfluxRecorder). A missing
 * number is NaN. Records written before the zones were recorded have only {@code indoor_mean_c}:
 * it stands as the one zone, so the coldest zone's spread reads 0.
 */
final class TelemetryFields {

  private TelemetryFields() {}

  static Telemetry of(String building, Map<String, ?> fields) {
    List<Double> zones = new ArrayList<>();
    for (int z = 1; fields.containsKey("zone_" + z + "_c"); z++) {
      zones.add(number(fields, "zone_" + z + "_c"));
    }
    if (zones.isEmpty()) {
      zones.add(number(fields, "indoor_mean_c"));
    }
    Object fallback = fields.get("local_fallback");
    return new Telemetry(building, number(fields, "heat_kw"), number(fields, "primary_supply_c"),
        number(fields, "primary_return_c"), number(fields, "primary_flow_m3h"),
        number(fields, "secondary_supply_c"), number(fields, "secondary_return_c"),
        number(fields, "secondary_flow_m3h"),
        zones.stream().mapToDouble(Double::doubleValue).toArray(), number(fields, "outdoor_c"),
        Boolean.TRUE.equals(fallback));
  }

  static double number(Map<String, ?> fields, String name) {
    Object v = fields.get(name);
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isInfinite(d)) {
        throw new IllegalArgumentException("field '" + name + "' is infinite");
      }
      return d;
    }
    throw new IllegalArgumentException("field '" + name + "' is not a number: '" + v + "'");
  }
}
