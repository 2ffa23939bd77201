package org.heatgrid.control.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.heatgrid.control.loop.AuditEntry;

/** Appends each audit entry as one JSON line to {@code <data-dir>/audit.jsonl}. Thread-safe. */
final class AuditFile implements Consumer<AuditEntry> {

  static final String NAME = "audit.jsonl";

  private final Path file;
  private final ObjectMapper json = new ObjectMapper();

  AuditFile(Path dataDir) {
    this.file = dataDir.resolve(NAME);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void accept(AuditEntry e) {
    ObjectNode o = json.createObjectNode();
    o.put("at", e.at().toString());
    o.put("who", e.who());
    o.put("building", e.buildingId());
    o.put("what", e.what());
    o.put("before", e.before());
    o.put("after", e.after());
    o.put("why", e.why());
    try {
      Files.writeString(file, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException("audit entry kept in memory but not written to " + file
          + ": " + ex.getMessage(), ex);
    }
  }
}
