package org.heatgrid.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.CurveTrim;
import org.heatgrid.fallback.HeatingCurve;

/** Reads the {@code controllers.baseline} section of a scenario into {@link BaselineSettings}. */
final class BaselineParameters {

  private static final Set<String> KEYS = Set.of("occupied_target_c", "setback_target_c",
      "boost_hours", "boost_supply_k", "outdoor_damping_hours", "curve", "trim", "commissioning");
  private static final Set<String> TRIM_KEYS = Set.of("shift_k", "slope");
  private static final Set<String> CURVE_KEYS = Set.of("design_outdoor_c", "design_supply_c",
      "design_return_c", "design_room_c", "exponent");

  private BaselineParameters() {}

  static BaselineSettings read(String at, Map<String, JsonNode> p, Set<String> buildingIds) {
    BaselineSettings d = BaselineSettings.DEFAULTS;
    if (p == null) {
      return d;
    }
    unknownKeys(at, p.keySet().iterator(), KEYS);
    HeatingCurve c = d.curve();
    JsonNode curveNode = p.get("curve");
    if (curveNode != null) {
      String ck = at + ".curve";
      if (!curveNode.isObject()) {
        throw new KeyException(ck, "must be an object");
      }
      unknownKeys(ck, curveNode.fieldNames(), CURVE_KEYS);
      double outdoor = number(ck + ".design_outdoor_c", curveNode.get("design_outdoor_c"), c.designOutdoorC(), -40, 10);
      double supply = number(ck + ".design_supply_c", curveNode.get("design_supply_c"), c.designSupplyC(), 30, 110);
      double ret = number(ck + ".design_return_c", curveNode.get("design_return_c"), c.designReturnC(), 20, supply - 1);
      double room = number(ck + ".design_room_c", curveNode.get("design_room_c"), c.designRoomC(), 15, 25);
      double n = number(ck + ".exponent", curveNode.get("exponent"), c.exponent(), 1, 2);
      c = new HeatingCurve(outdoor, supply, ret, room, n);
    }
    double occupied = number(at + ".occupied_target_c", p.get("occupied_target_c"), d.occupiedTargetC(), 15, 25);
    double setback = number(at + ".setback_target_c", p.get("setback_target_c"), d.setbackTargetC(), 5, occupied);
    double boostH = number(at + ".boost_hours", p.get("boost_hours"), d.boostHours(), 0, 8);
    double boostK = number(at + ".boost_supply_k", p.get("boost_supply_k"), d.boostSupplyK(), 0, 40);
    double damping = number(at + ".outdoor_damping_hours", p.get("outdoor_damping_hours"), d.outdoorDampingHours(), 0, 48);
    Map<String, CurveTrim> trims = new HashMap<>();
    JsonNode trimNode = p.get("trim");
    if (trimNode != null) {
      String tk = at + ".trim";
      if (!trimNode.isObject()) {
        throw new KeyException(tk, "must be an object of building id to {shift_k, slope}");
      }
      for (Iterator<String> it = trimNode.fieldNames(); it.hasNext(); ) {
        String id = it.next();
        String bk = tk + "." + id;
        JsonNode t = trimNode.get(id);
        if (!buildingIds.contains(id)) {
          throw new KeyException(bk, "no building has this id");
        }
        if (!t.isObject()) {
          throw new KeyException(bk, "must be an object {shift_k, slope}");
        }
        unknownKeys(bk, t.fieldNames(), TRIM_KEYS);
        trims.put(id, new CurveTrim(number(bk + ".shift_k", t.get("shift_k"), 0, -15, 10),
            number(bk + ".slope", t.get("slope"), 1, 0.2, 3)));
      }
    }
    return new BaselineSettings(c, occupied, setback, boostH, boostK, damping, trims);
  }

  private static void unknownKeys(String at, Iterator<String> keys, Set<String> known) {
    while (keys.hasNext()) {
      String k = keys.next();
      if (!known.contains(k)) {
        throw new KeyException(at + "." + k, "unknown key; known keys: " + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private static double number(String key, JsonNode node, double def, double lo, double hi) {
    if (node == null || node.isNull()) {
      return Check.range(key, (Double) null, def, lo, hi);
    }
    if (!node.isNumber()) {
      throw new KeyException(key, "must be a number, got " + node);
    }
    return Check.range(key, node.asDouble(), def, lo, hi);
  }
}
