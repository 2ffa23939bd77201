package org.heatgrid.sim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a scenario file stands: path (as {@code buildings[3].floor_area_m2}) to line.
 * Jackson's bound objects forget their locations; this first pass keeps them, so that checks made
 * after binding can still name the line.
 */
final class KeyLocations {

  private final Map<String, Integer> lines = new HashMap<>();

  static KeyLocations scan(JsonFactory factory, String text) throws IOException {
    KeyLocations k = new KeyLocations();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        JsonStreamContext ctx = p.getParsingContext();
        // A struct start has already entered its own context: its key lives in the parent.
        JsonStreamContext owner = t.isStructStart() ? ctx.getParent() : ctx;
        if (t == JsonToken.FIELD_NAME || (owner != null && owner.inArray() && !t.isStructEnd())) {
          k.lines.putIfAbsent(pathOf(owner), p.currentTokenLocation().getLineNr());
        }
      }
    }
    return k;
  }

  /** Path of a parser context: field names joined by dots, array indices in brackets. */
  static String pathOf(JsonStreamContext ctx) {
    if (ctx == null || ctx.inRoot()) {
      return "";
    }
    String parent = pathOf(ctx.getParent());
    if (ctx.inArray()) {
      return parent + "[" + Math.max(0, ctx.getCurrentIndex()) + "]";
    }
    String name = ctx.getCurrentName();
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** The line of {@code path}, or of its nearest enclosing key; 0 when unknown. */
  int lineOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return 0;
  }
}
