package org.heatgrid.control.weather;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The recorded Open-Meteo answer for Daejeon. It is hand-made in the documented format of the
 * Open-Meteo forecast API (see src/test/resources/weather/README.md), not downloaded: 48 hourly
 * values from 2026-01-05 00:00 KST (2026-01-04T15:00Z).
 */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  /** 09:00 KST on the first day. */
  static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration STEP = Duration.ofMinutes(15);
  static final Duration HORIZON = Duration.ofHours(24);

  private Fixtures() {}

  static String daejeon() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/weather/open-meteo-daejeon.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Daejeon answer changed by {@code edit}. */
  static String daejeon(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(daejeon());
      edit.accept(root);
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode hourly(ObjectNode root) {
    return (ObjectNode) root.get("hourly");
  }

  /** Sets {@code hourly.field[i]} to {@code value} (null: JSON null). */
  static void set(ObjectNode root, String field, int i, Object value) {
    ((ArrayNode) hourly(root).get(field))
        .set(i, value == null ? NullNode.getInstance() : JSON.valueToTree(value));
  }
}
