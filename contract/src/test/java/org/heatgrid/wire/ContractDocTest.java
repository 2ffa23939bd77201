package org.heatgrid.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/mqtt-contract.md stay valid against the schemas and the codec. */
class ContractDocTest {

  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJsonExample_matchesItsSchemaAndDecodes() throws IOException {
    Path doc = checkoutRoot().resolve("docs/mqtt-contract.md");
    String text = Files.readString(doc);
    PayloadCodec codec = new PayloadCodec();
    List<String> kinds = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(text);
    while (m.find()) {
      String example = m.group(1);
      PayloadCodec.Kind kind = kindOf(example);
      kinds.add(kind.name());
      assertThat(codec.schemaErrors(kind, example)).as("example:\n" + example).isEmpty();
      byte[] bytes = example.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      switch (kind) {
        case SETPOINT -> codec.decodeSetpoint(bytes);
        case TELEMETRY -> codec.decodeTelemetry(bytes);
        case STATUS -> codec.decodeStatus(bytes);
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder("SETPOINT", "TELEMETRY", "STATUS");
  }

  private static PayloadCodec.Kind kindOf(String example) {
    for (PayloadCodec.Kind k : PayloadCodec.Kind.values()) {
      if (example.contains("\"" + k.schemaId() + "\"")) {
        return k;
      }
    }
    throw new AssertionError("example without a known schema id:\n" + example);
  }

  /** The checkout this test runs in: the first folder upwards that holds docs/mqtt-contract.md. */
  private static Path checkoutRoot() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/mqtt-contract.md"))) {
        return p;
      }
    }
    throw new IllegalStateException("docs/mqtt-contract.md not found above "
        + Paths.get("").toAbsolutePath());
  }
}
